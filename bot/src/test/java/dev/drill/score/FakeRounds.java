package dev.drill.score;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A round directory held in memory, standing in for the round feature. */
public final class FakeRounds implements RoundDirectory {

    private final Map<String, RoundRef> byThread = new ConcurrentHashMap<>();

    /** Opens a round on {@code date} with thread id {@code thread}, at 09:00 in {@code zone}. */
    public RoundRef open(long guild, String date, long seq, long thread, ZoneId zone) {
        Instant opens =
                LocalDate.parse(date).atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
        RoundRef round = new RoundRef(guild, date, seq, 1L, thread, "q-" + seq, zone, opens, true);
        byThread.put(key(guild, thread), round);
        return round;
    }

    public RoundRef close(RoundRef round) {
        RoundRef closed = new RoundRef(
                round.guild(),
                round.date(),
                round.seq(),
                round.channelId(),
                round.threadId(),
                round.questionId(),
                round.zone(),
                round.opensAt(),
                false);
        byThread.put(key(round.guild(), round.threadId()), closed);
        return closed;
    }

    @Override
    public Optional<RoundRef> byThread(long guild, long threadId) {
        return Optional.ofNullable(byThread.get(key(guild, threadId)));
    }

    @Override
    public Optional<RoundRef> byDate(long guild, String date) {
        return byThread.values().stream()
                .filter(r -> r.guild() == guild && r.date().equals(date))
                .findFirst();
    }

    @Override
    public Optional<RoundRef> latest(long guild) {
        return byThread.values().stream().filter(r -> r.guild() == guild).max(Comparator.comparingLong(RoundRef::seq));
    }

    private static String key(long guild, long thread) {
        return guild + "/" + thread;
    }
}
