package dev.drill.reminder;

import dev.drill.guild.GuildSettingsStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A guild's reminder settings, kept as two fields of its settings hash: how long before the close the
 * reminder comes ({@code remind}, in minutes; absent means off) and whether it pings the ping role.
 */
@Component
final class ReminderSettings {

    static final String REMIND = "remind";
    static final String REMIND_PING = "remindPing";

    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,3})h)?\\s*(?:(\\d{1,4})m)?");

    private final GuildSettingsStore store;

    ReminderSettings(GuildSettingsStore store) {
        this.store = store;
    }

    /** How long before the close the guild's reminder comes, or empty when it is off. */
    Optional<Duration> before(long guild) {
        return store.option(guild, REMIND).map(minutes -> Duration.ofMinutes(Long.parseLong(minutes)));
    }

    boolean ping(long guild) {
        return store.option(guild, REMIND_PING).map("1"::equals).orElse(false);
    }

    void save(long guild, Optional<Duration> before, Optional<Boolean> ping) {
        Map<String, String> values = new LinkedHashMap<>();
        before.ifPresent(d -> values.put(REMIND, d.isZero() ? "" : Long.toString(d.toMinutes())));
        ping.ifPresent(p -> values.put(REMIND_PING, p ? "1" : ""));
        store.saveOptions(guild, values);
    }

    /**
     * Parses {@code 2h}, {@code 90m}, {@code 1h30m} or {@code off} (a zero duration); empty when it is none
     * of these.
     */
    static Optional<Duration> parse(String typed) {
        String text = typed.strip().toLowerCase(Locale.ROOT);
        if (text.equals("off") || text.equals("none")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return Optional.empty();
        }
        long minutes = (m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 60)
                + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        return minutes == 0 ? Optional.of(Duration.ZERO) : Optional.of(Duration.ofMinutes(minutes));
    }

    /** {@code 2h}, {@code 90m} shown back as the admin would type them. */
    static String format(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        return h == 0 ? m + "m" : m == 0 ? h + "h" : h + "h" + m + "m";
    }
}
