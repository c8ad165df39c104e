package dev.drill.pair;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.SetupPart;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
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

    private final PairStore store;

    PairSetupPart(PairStore store) {
        this.store = store;
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
        try {
            DayOfWeek day = DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
            return SetupChange.accept(() -> store.pairOn(guild, day));
        } catch (IllegalArgumentException e) {
            return SetupChange.refuse("Pairing takes a weekday (monday … sunday) or off.");
        }
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
