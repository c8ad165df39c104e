package dev.drill.pair;

import dev.drill.discord.ChannelPermissions;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.SetupPart;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.unions.GuildChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill-admin setup pairing:<weekday>|off}: the weekday of the mock-interview pairing, off by default.
 * An edge: it reads the setup command's options.
 */
@DiscordEdge
@Component
final class PairSetupPart implements SetupPart {

    static final String PAIRING = "pairing";
    static final String OFF = "off";

    /** What the pair threads need in the practice channel. */
    static final List<Permission> NEEDED =
            List.of(Permission.VIEW_CHANNEL, Permission.CREATE_PRIVATE_THREADS, Permission.MESSAGE_SEND_IN_THREADS);

    private final PairStore store;
    private final GuildSettingsStore settings;

    PairSetupPart(PairStore store, GuildSettingsStore settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public List<OptionData> options() {
        OptionData option = new OptionData(
                        OptionType.STRING,
                        PAIRING,
                        "Weekday to pair opted-in members for mock interviews, or off (default)")
                .setMaxLength(9);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            option.addChoice(name, name);
        }
        option.addChoice(OFF, OFF);
        return List.of(option);
    }

    @Override
    public SetupChange read(SlashCommandInteractionEvent event, Set<String> cleared) {
        String value =
                event.getOption(PAIRING, null, o -> o.getAsString().strip().toLowerCase(Locale.ROOT));
        if (value == null) {
            return SetupChange.NONE;
        }
        long guild = event.getGuild().getIdLong();
        if (value.equals(OFF)) {
            return SetupChange.accept(() -> store.pairOff(guild));
        }
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SetupChange.refuse("Pairing takes a weekday (monday … sunday) or off.");
        }
        // The channel given in this same setup, else the saved one; the first setup's own checks need a channel.
        GuildChannelUnion given = event.getOption("channel", OptionMapping::getAsChannel);
        long channelId = given != null
                ? given.getIdLong()
                : settings.find(guild).map(GuildSettings::channel).orElse(0L);
        TextChannel channel = event.getGuild().getTextChannelById(channelId);
        if (channel != null) {
            List<Permission> missing = NEEDED.stream()
                    .filter(p -> !event.getGuild().getSelfMember().hasPermission(channel, p))
                    .toList();
            if (!missing.isEmpty()) {
                return SetupChange.refuse("I can't open the pairs' private threads in " + channel.getAsMention()
                        + ": I am missing " + ChannelPermissions.names(missing)
                        + " there. Grant them to my role and run setup again.");
            }
        }
        return SetupChange.accept(() -> store.pairOn(guild, day));
    }

    @Override
    public Map<String, String> describe(long guild) {
        if (!store.chosen(guild)) {
            return Map.of(); // off by default, and not listed until an admin chooses
        }
        return Map.of(
                "Pairing",
                store.weekday(guild)
                        .map(day -> "every " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                        .orElse(OFF));
    }
}
