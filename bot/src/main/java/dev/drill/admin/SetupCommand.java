package dev.drill.admin;

import dev.drill.discord.Access;
import dev.drill.discord.ChannelPermissions;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.guild.ScheduleOptions;
import dev.drill.round.RoundService;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.unions.GuildChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/** {@code /drill-admin setup}: where, when and what Drill posts. */
@Component
final class SetupCommand implements SlashCommand {

    static final String CHANNEL = "channel";
    static final String TIME = "time";
    static final String TIMEZONE = "timezone";
    static final String DAYS = "days";
    static final String LEVELS = "levels";
    static final String PING = "ping";
    static final String REVIEWER = "reviewer";

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") || z.equals("UTC"))
            .filter(z -> !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList();

    private final GuildSettingsStore store;
    private final RoundService rounds;

    SetupCommand(GuildSettingsStore store, RoundService rounds) {
        this.store = store;
        this.rounds = rounds;
    }

    @Override
    public String parent() {
        return CommandNames.ADMIN;
    }

    @Override
    public Access access() {
        return Access.MANAGE_SERVER;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData("setup", "Choose the channel, time and days of the daily question")
                .addOptions(
                        new OptionData(OptionType.CHANNEL, CHANNEL, "Where to post the question", true)
                                .setChannelTypes(ChannelType.TEXT),
                        new OptionData(
                                        OptionType.STRING,
                                        TIME,
                                        "Local time of the post, 24-hour HH:mm (e.g. 09:00)",
                                        true)
                                .setMaxLength(5),
                        new OptionData(OptionType.STRING, TIMEZONE, "IANA time zone, e.g. Europe/Berlin", true, true)
                                .setMaxLength(64),
                        new OptionData(OptionType.STRING, DAYS, "daily, mon-fri (default) or e.g. mon,wed,fri")
                                .setMaxLength(40),
                        new OptionData(
                                        OptionType.STRING,
                                        LEVELS,
                                        "all (default) or e.g. fresher,intermediate (rotating)")
                                .setMaxLength(60),
                        new OptionData(OptionType.ROLE, PING, "A role to ping with each question (default: none)"),
                        new OptionData(OptionType.ROLE, REVIEWER, "A role that may award best answers besides admins"));
    }

    /** Reads and writes Redis before answering: acknowledged at once, answered when done. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        GuildChannelUnion chosen = event.getOption(CHANNEL, OptionMapping::getAsChannel);
        if (chosen == null || chosen.getType() != ChannelType.TEXT) {
            Replies.ephemeral(event, "Choose a text channel for the daily question.");
            return;
        }
        TextChannel channel = chosen.asTextChannel();
        LocalTime time;
        ZoneId zone;
        Set<DayOfWeek> days;
        List<dev.drill.content.Level> levels;
        try {
            time = ScheduleOptions.time(event.getOption(TIME, "", OptionMapping::getAsString));
            zone = ScheduleOptions.zone(event.getOption(TIMEZONE, "", OptionMapping::getAsString));
            days = ScheduleOptions.days(event.getOption(DAYS, null, OptionMapping::getAsString));
            levels = ScheduleOptions.levels(event.getOption(LEVELS, null, OptionMapping::getAsString));
        } catch (ScheduleOptions.InvalidOption e) {
            Replies.ephemeral(event, e.getMessage());
            return;
        }
        List<Permission> missing = ChannelPermissions.missing(channel);
        if (!missing.isEmpty()) {
            Replies.ephemeral(
                    event,
                    "I can't run rounds in " + channel.getAsMention() + " yet: I am missing "
                            + ChannelPermissions.names(missing)
                            + " there. Grant them to my role (or in the channel's permissions) and run setup again;"
                            + " nothing was saved.");
            return;
        }
        long ping = event.getOption(PING, 0L, o -> o.getAsRole().getIdLong());
        long reviewer = event.getOption(REVIEWER, 0L, o -> o.getAsRole().getIdLong());
        GuildSettings settings = new GuildSettings(
                event.getGuild().getIdLong(), channel.getIdLong(), time, zone, days, levels, ping, reviewer, false, "");
        store.save(settings);
        rounds.reschedule(settings.guild());
        Replies.ephemeral(
                event, ConfigCommand.render(settings, rounds.nextOpening(settings.guild()), null, "Drill is set up."));
    }

    @Override
    public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        event.replyChoiceStrings(ZONES.stream()
                        .filter(z -> z.toLowerCase(Locale.ROOT).contains(typed))
                        .limit(25)
                        .toList())
                .queue();
    }
}
