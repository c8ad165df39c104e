package dev.drill.reminder;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import dev.drill.discord.SetupPart;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.round.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.springframework.stereotype.Component;

/** The reminder's options of {@code /drill-admin setup}: {@code remind:<duration>} and {@code remind-ping}. */
@DiscordEdge
@Component
final class ReminderSetup implements SetupPart {

    static final String REMIND = "remind";
    static final String REMIND_PING = "remind-ping";

    /** The schedule's ping option, read only to accept remind-ping in the same setup that sets the role. */
    private static final String PING = "ping";

    private final ReminderSettings settings;
    private final GuildSettingsStore guilds;
    private final Clock clock;

    ReminderSetup(ReminderSettings settings, GuildSettingsStore guilds, Clock clock) {
        this.settings = settings;
        this.guilds = guilds;
        this.clock = clock;
    }

    @Override
    public List<OptionData> options() {
        return List.of(
                new OptionData(
                                OptionType.STRING,
                                REMIND,
                                "Remind the thread this long before the close: 2h, 90m or off")
                        .setMaxLength(10),
                new OptionData(OptionType.BOOLEAN, REMIND_PING, "Ping the ping role with the reminder (default: no)"));
    }

    @Override
    public SetupChange read(SlashCommandInteractionEvent event, Set<String> cleared) {
        String typed = event.getOption(REMIND, null, OptionMapping::getAsString);
        Boolean ping = event.getOption(REMIND_PING, null, OptionMapping::getAsBoolean);
        if (typed == null && ping == null) {
            return SetupChange.NONE;
        }
        long guild = event.getGuild().getIdLong();
        Optional<GuildSettings> current = guilds.find(guild);
        Optional<Duration> before = Optional.empty();
        if (typed != null) {
            before = ReminderSettings.parse(typed);
            if (before.isEmpty()) {
                return SetupChange.refuse("I read `remind` as a duration such as `2h`, `90m`, `1h30m` or `off`, not "
                        + Replies.quote(typed) + ".");
            }
            Duration shortest = shortestRound(current);
            if (!before.get().isZero() && before.get().compareTo(shortest) >= 0) {
                return SetupChange.refuse("A reminder " + ReminderSettings.format(before.get())
                        + " before the close would come before the round opens: the shortest round of this schedule"
                        + " is open for " + ReminderSettings.format(shortest) + ". Choose less.");
            }
        }
        boolean hasRole = current.map(GuildSettings::pingRole).orElse(0L) != 0 || event.getOption(PING) != null;
        if (Boolean.TRUE.equals(ping) && !hasRole) {
            return SetupChange.refuse(
                    "`remind-ping:true` pings the ping role, and none is set: give `ping:@role` too.");
        }
        Optional<Duration> save = before;
        Optional<Boolean> savePing = Optional.ofNullable(ping);
        return SetupChange.accept(() -> settings.save(guild, save, savePing));
    }

    @Override
    public Map<String, String> describe(long guild) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(
                "Reminder",
                settings.before(guild)
                        .map(d -> ReminderSettings.format(d) + " before the close"
                                + (settings.ping(guild) ? ", pinging the ping role" : ", no ping"))
                        .orElse("off"));
        return fields;
    }

    /**
     * The shortest window of the guild's schedule over a week (Friday to Monday is long, Monday to Tuesday
     * short); a schedule not set up yet counts as the default weekdays, a day.
     */
    private Duration shortestRound(Optional<GuildSettings> current) {
        if (current.isEmpty()) {
            return Duration.ofDays(1);
        }
        Schedule schedule = Schedule.of(current.get());
        LocalDate today = LocalDate.ofInstant(clock.instant(), schedule.zone());
        Duration shortest = Schedule.MAX_WINDOW;
        for (int i = 0; i < 7; i++) {
            LocalDate date = today.plusDays(i);
            Optional<Instant> opens = schedule.openingOn(date);
            if (opens.isPresent()) {
                Duration window = Duration.between(opens.get(), schedule.closeOf(date, opens.get()));
                shortest = window.compareTo(shortest) < 0 ? window : shortest;
            }
        }
        return shortest;
    }
}
