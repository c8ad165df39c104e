package dev.drill.score;

import dev.drill.redis.Keys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The score scripts' calls, one typed record per script: each names its arguments and lays them out in
 * the KEYS/ARGV order its {@code .lua} header declares, in one place, so no caller passes thirteen strings
 * by position.
 */
final class ScoreScripts {

    /** How long a round's seen ids and votes are kept: longer than the longest answer window (7 days). */
    static final Duration EVENT_TTL = Duration.ofDays(10);

    /**
     * How many days of a member's answered rounds are kept: the 12 weeks {@code /drill stats} draws, plus two
     * weeks so a late answer to an older round still lands inside the window.
     */
    static final int ANSWERED_DAYS_KEPT = 14 * 7;

    private ScoreScripts() {}

    /** One call of a score script: which script, and its KEYS and ARGV in the script's order. */
    sealed interface Call {
        /** The script's file under {@code resources/redis/}. */
        String script();

        List<String> keys();

        List<String> argv();
    }

    /** The three boards a round's points go to: all time, its ISO week and its month. */
    record Boards(String all, String week, String month) {
        static Boards of(RoundRef round, Period period) {
            long g = round.guild();
            return new Boards(
                    Keys.boardAllTime(g), Keys.boardWeek(g, period.week()), Keys.boardMonth(g, period.month()));
        }
    }

    /** answer-record.lua: count a member's answer, at most once. */
    record RecordAnswer(
            RoundRef round,
            Boards boards,
            String eventId,
            long message,
            long member,
            String newName,
            PointsRules rules,
            long tie,
            boolean ttlUnknown)
            implements Call {
        @Override
        public String script() {
            return "answer-record.lua";
        }

        @Override
        public List<String> keys() {
            long g = round.guild();
            return List.of(
                    Keys.seen(g, round.date()),
                    Keys.answers(g, round.date()),
                    Keys.member(g, member),
                    Keys.names(g),
                    boards.all(),
                    boards.week(),
                    boards.month(),
                    Keys.answeredDays(g, member));
        }

        @Override
        public List<String> argv() {
            long day = ScoreStore.dayOf(round);
            return List.of(
                    eventId,
                    EventIds.deleted(message),
                    Long.toString(message),
                    Long.toString(member),
                    newName,
                    Long.toString(round.seq()),
                    Integer.toString(rules.answer()),
                    Integer.toString(rules.streakBonusPerRound()),
                    Integer.toString(rules.streakBonusMax()),
                    Long.toString(tie),
                    Long.toString(EVENT_TTL.toSeconds()),
                    ttlUnknown ? "1" : "0",
                    EventIds.answered(member),
                    round.date(),
                    Long.toString(day),
                    Long.toString(day - ANSWERED_DAYS_KEPT));
        }
    }

    /** answer-withdraw.lua: take back a counted answer (deleted, or edited below the minimum). */
    record Withdraw(RoundRef round, Boards boards, String eventId, long message, long author, long tie)
            implements Call {
        @Override
        public String script() {
            return "answer-withdraw.lua";
        }

        @Override
        public List<String> keys() {
            long g = round.guild();
            return List.of(
                    Keys.seen(g, round.date()),
                    Keys.answers(g, round.date()),
                    Keys.voters(g, round.date()),
                    Keys.member(g, author),
                    boards.all(),
                    boards.week(),
                    boards.month(),
                    Keys.answeredDays(g, author));
        }

        @Override
        public List<String> argv() {
            return List.of(
                    eventId,
                    Long.toString(message),
                    Long.toString(author),
                    Long.toString(round.seq()),
                    Long.toString(tie),
                    Long.toString(EVENT_TTL.toSeconds()),
                    EventIds.answered(author),
                    round.date());
        }
    }

    /** answer-vote.lua: add or remove one member's 👍 on a counted answer. */
    record Vote(
            RoundRef round,
            Boards boards,
            long message,
            long voter,
            long author,
            boolean add,
            PointsRules rules,
            long tie)
            implements Call {
        @Override
        public String script() {
            return "answer-vote.lua";
        }

        @Override
        public List<String> keys() {
            return voteKeys(round, boards, author);
        }

        @Override
        public List<String> argv() {
            return List.of(
                    Long.toString(message),
                    Long.toString(voter),
                    Long.toString(author),
                    add ? "1" : "-1",
                    Integer.toString(rules.perVote()),
                    Integer.toString(rules.votesMax()),
                    Long.toString(tie),
                    Long.toString(EVENT_TTL.toSeconds()));
        }
    }

    /** answer-votes-clear.lua: take back every vote on an answer whose reactions were cleared at once. */
    record ClearVotes(RoundRef round, Boards boards, long message, long author, long tie) implements Call {
        @Override
        public String script() {
            return "answer-votes-clear.lua";
        }

        @Override
        public List<String> keys() {
            return voteKeys(round, boards, author);
        }

        @Override
        public List<String> argv() {
            return List.of(Long.toString(message), Long.toString(author), Long.toString(tie));
        }
    }

    /** answer-award.lua: the round's best-answer award, once. */
    record Award(RoundRef round, Boards boards, long message, long author, PointsRules rules, long tie)
            implements Call {
        @Override
        public String script() {
            return "answer-award.lua";
        }

        @Override
        public List<String> keys() {
            long g = round.guild();
            return List.of(
                    Keys.answers(g, round.date()), Keys.member(g, author), boards.all(), boards.week(), boards.month());
        }

        @Override
        public List<String> argv() {
            return List.of(
                    Long.toString(message),
                    Long.toString(author),
                    Integer.toString(rules.bestAnswer()),
                    Long.toString(tie));
        }
    }

    /** round-void.lua: withdraw every answer of a skipped round and refuse new ones. */
    record VoidRound(RoundRef round, Boards boards, List<Long> authors, long tie) implements Call {
        @Override
        public String script() {
            return "round-void.lua";
        }

        @Override
        public List<String> keys() {
            long g = round.guild();
            List<String> keys = new ArrayList<>(List.of(
                    Keys.answers(g, round.date()),
                    Keys.voters(g, round.date()),
                    boards.all(),
                    boards.week(),
                    boards.month(),
                    Keys.seen(g, round.date())));
            authors.forEach(author -> keys.add(Keys.member(g, author)));
            authors.forEach(author -> keys.add(Keys.answeredDays(g, author)));
            return keys;
        }

        @Override
        public List<String> argv() {
            List<String> argv = new ArrayList<>(List.of(
                    Long.toString(round.seq()),
                    Long.toString(tie),
                    Long.toString(EVENT_TTL.toSeconds()),
                    round.date()));
            authors.forEach(author -> argv.add(Long.toString(author)));
            return argv;
        }
    }

    /** The keys of the vote scripts: the round's voters and answers, the author, and the author's boards. */
    private static List<String> voteKeys(RoundRef round, Boards boards, long author) {
        long g = round.guild();
        return List.of(
                Keys.voters(g, round.date()),
                Keys.answers(g, round.date()),
                Keys.member(g, author),
                boards.all(),
                boards.week(),
                boards.month());
    }
    /** pair-session.lua: a held mock-interview session, +points for each of its members, at most once. */
    record PairSession(long guild, Boards boards, String eventId, List<Long> members, PointsRules rules, long tie)
            implements Call {
        @Override
        public String script() {
            return "pair-session.lua";
        }

        @Override
        public List<String> keys() {
            List<String> keys =
                    new ArrayList<>(List.of(Keys.pairSessionsSeen(guild), boards.all(), boards.week(), boards.month()));
            members.forEach(member -> keys.add(Keys.member(guild, member)));
            return keys;
        }

        @Override
        public List<String> argv() {
            List<String> argv =
                    new ArrayList<>(List.of(eventId, Integer.toString(rules.pairSession()), Long.toString(tie)));
            members.forEach(member -> argv.add(Long.toString(member)));
            return argv;
        }
    }
}
