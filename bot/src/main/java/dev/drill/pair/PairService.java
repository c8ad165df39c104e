package dev.drill.pair;

import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.round.DueWork;
import dev.drill.score.Period;
import dev.drill.score.ScoreChange;
import dev.drill.score.ScoreStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The weekly mock-interview pairing and what members do with it: opt in and out, read their interviewer card,
 * mark a session held. The pairing runs from the scheduler's tick ({@link DueWork}) on the guild's pairing
 * weekday, from the guild's round time in its zone, once per guild and ISO week.
 */
@Component
public final class PairService implements DueWork {

    private static final Logger log = LoggerFactory.getLogger(PairService.class);

    /**
     * How long one instance may work on a week's pairing before another may take over: posting a few threads
     * takes seconds; a crashed instance's week is picked up after this.
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final PairStore store;
    private final GuildSettingsStore settings;
    private final PairPublisher discord;
    private final PairQuestions questions;
    private final QuestionBank bank;
    private final ScoreStore scores;
    private final Clock clock;

    /** This instance's lease token: random, so two instances never mistake each other's lease for their own. */
    private final String owner = UUID.randomUUID().toString();

    /** The last week each guild was seen done by this instance, so most ticks read nothing from Redis. */
    private final Map<Long, String> doneWeeks = new ConcurrentHashMap<>();

    PairService(
            PairStore store,
            GuildSettingsStore settings,
            PairPublisher discord,
            PairQuestions questions,
            QuestionBank bank,
            ScoreStore scores,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.discord = discord;
        this.questions = questions;
        this.bank = bank;
        this.scores = scores;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "weekly pairing";
    }

    @Override
    public void runDue(Instant now) {
        RuntimeException first = null;
        for (long guild : store.pairingGuilds()) {
            try {
                runGuild(guild, now);
            } catch (RuntimeException e) {
                // One guild's failure (Discord refused a thread) must not hold up the others; retried next tick.
                log.warn("Guild {}: weekly pairing failed, retried next tick: {}", guild, e.toString());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The ISO week (in the guild's zone) this week's pairing belongs to, if it is due at {@code now}. */
    static Optional<String> dueWeek(DayOfWeek day, GuildSettings s, Instant now) {
        ZonedDateTime local = now.atZone(s.zone());
        if (local.getDayOfWeek() != day || local.toLocalTime().isBefore(s.time())) {
            return Optional.empty();
        }
        return Optional.of(Period.of(local.toLocalDate()).week());
    }

    private void runGuild(long guild, Instant now) {
        Optional<DayOfWeek> day = store.weekday(guild);
        if (day.isEmpty()) {
            store.forget(guild);
            return;
        }
        Optional<GuildSettings> found = settings.find(guild);
        if (found.isEmpty() || found.get().paused()) {
            return; // not set up, or paused: its channel may be gone; the pairing waits like the rounds
        }
        GuildSettings s = found.get();
        Optional<String> due = dueWeek(day.get(), s, now);
        if (due.isEmpty() || due.get().equals(doneWeeks.get(guild))) {
            return;
        }
        String week = due.get();
        if (!discord.serves(guild)) {
            return; // another process's guild (shards), or Discord not connected: not ours to pair now
        }
        if (store.week(guild, week).map(PairStore.PairWeek::done).orElse(false)) {
            doneWeeks.put(guild, week);
            return;
        }
        if (!store.lease(guild, week, owner, LEASE)) {
            return; // another instance is pairing this guild right now
        }
        try {
            // Read again under the lease: another instance may have finished between the check and the lease.
            PairStore.PairWeek plan = store.week(guild, week).orElseGet(() -> plan(guild, week, s));
            if (plan.done()) {
                doneWeeks.put(guild, week);
                return;
            }
            for (PairGroup group : plan.groups()) {
                if (group.thread() != 0) {
                    continue; // opened by an earlier run that stopped part-way
                }
                long thread = discord.openThread(
                        new PairPublisher.Opening(guild, s.channel(), week, group.index(), group.members()));
                store.saveThread(guild, week, group.index(), thread);
            }
            store.markDone(guild, week);
            doneWeeks.put(guild, week);
            log.info(
                    "Guild {}: week {} paired into {} groups",
                    guild,
                    week,
                    plan.groups().size());
        } finally {
            store.release(guild, week, owner);
        }
    }

    /** Pairs the opted-in members and stores the result with its questions (once: see pair-plan.lua). */
    private PairStore.PairWeek plan(long guild, String week, GuildSettings s) {
        long seed = (guild * 31) ^ week.hashCode();
        Pairing.Plan plan = Pairing.plan(store.members(guild), store.met(guild), seed);
        List<List<String>> asked = new ArrayList<>();
        for (List<Long> group : plan.groups()) {
            Set<String> given = new HashSet<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                long partner = group.get((i + 1) % group.size());
                String id = questions.pick(guild, partner, s.levels(), seed ^ partner, given);
                given.add(id);
                ids.add(id);
            }
            asked.add(ids);
        }
        store.savePlan(guild, week, plan, asked);
        return store.week(guild, week).orElseThrow();
    }

    // ---------------------------------------------------------------- members

    /** Opts a member in; false when they were in already. */
    public boolean join(long guild, long member) {
        return store.join(guild, member);
    }

    /** Opts a member out (from next week's pairing on); false when they were not in. */
    public boolean leave(long guild, long member) {
        return store.leave(guild, member);
    }

    /** What {@code /drill pair status} shows a member. */
    Status status(long guild, long member) {
        Optional<GuildSettings> s = settings.find(guild);
        Optional<PairGroup> current = s.flatMap(found -> store.week(
                        guild, Period.at(clock.instant(), found.zone()).week()))
                .flatMap(w -> w.groups().stream().filter(g -> g.has(member)).findFirst());
        return new Status(
                store.joined(guild, member),
                store.members(guild).size(),
                store.weekday(guild),
                s.map(GuildSettings::time).map(Object::toString).orElse(""),
                s.map(GuildSettings::zone).map(ZoneId::getId).orElse(""),
                current);
    }

    record Status(
            boolean joined,
            int opted,
            Optional<DayOfWeek> weekday,
            String time,
            String zone,
            Optional<PairGroup> thisWeek) {}

    /** The interviewer card of {@code member} in a group, or why there is none. */
    Card card(long guild, String week, int index, long member) {
        Optional<PairGroup> group = store.group(guild, week, index);
        if (group.isEmpty()) {
            return new Card(Card.Kind.UNKNOWN, 0, Optional.empty());
        }
        if (!group.get().has(member)) {
            return new Card(Card.Kind.NOT_YOURS, 0, Optional.empty());
        }
        long partner = group.get().partnerOf(member);
        return new Card(Card.Kind.YOURS, partner, bank.byId(group.get().questionOf(member)));
    }

    /** A card: whom the member interviews and with which question (empty when the bank changed since). */
    record Card(Kind kind, long partner, Optional<Question> question) {
        enum Kind {
            YOURS,
            NOT_YOURS,
            UNKNOWN
        }
    }

    /**
     * Marks the session of the pair whose thread {@code thread} is as held, by one of its members: each member
     * gets the pair-session points, once per pair and week (the event id; see pair-session.lua).
     */
    Done done(long guild, long thread, long member) {
        Optional<PairGroup> group = store.byThread(guild, thread);
        if (group.isEmpty()) {
            return new Done(Done.Kind.NOT_A_PAIR_THREAD, List.of());
        }
        if (!group.get().has(member)) {
            return new Done(Done.Kind.NOT_IN_PAIR, group.get().members());
        }
        ZoneId zone = settings.find(guild).map(GuildSettings::zone).orElse(ZoneOffset.UTC);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        ScoreChange change = scores.recordPairSession(guild, today, group.get().members(), eventId(group.get()), now);
        return new Done(
                change == ScoreChange.RECORDED ? Done.Kind.RECORDED : Done.Kind.ALREADY,
                group.get().members());
    }

    /** One id per pair and week: what makes {@code /drill pair done} count once however often it is sent. */
    static String eventId(PairGroup group) {
        return "pair-session:" + group.week() + ":" + group.index();
    }

    record Done(Kind kind, List<Long> members) {
        enum Kind {
            RECORDED,
            ALREADY,
            NOT_IN_PAIR,
            NOT_A_PAIR_THREAD
        }
    }
}
