package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.discord.Access;
import dev.drill.redis.Keys;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("End to end: forget-me, export, seasons and a departed guild's data")
class DataRightsE2ETests {

    /** 09:00 in Berlin on Monday 3 and Tuesday 4 December 2040. */
    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");

    private static final Instant TUESDAY_0900 = Instant.parse("2040-12-04T08:00:00Z");

    private static final String ANSWER = "A HashMap hashes the key, picks a bucket and compares with equals.";

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    /** Monday's round with answers by alice, bob and carol, in that order (so ranked in that order). */
    private SimChannel threeAnswers() {
        drill.setUpDailyDrill();
        SimChannel thread = drill.openRound(MONDAY_0900);
        for (String member : List.of("alice", "bob", "carol")) {
            drill.as(member).say(thread.id(), ANSWER + " Says " + member + ".");
            drill.awaitGatewayHandled();
            drill.clock().advance(Duration.ofMinutes(1));
        }
        return thread;
    }

    @Test
    @DisplayName("forget-me, confirmed, removes the member from every board (the others move up), their name,"
            + " streak and answers; a 👍 on their old answer records nothing; their next answer counts again")
    void forgetMe() {
        // GIVEN alice, bob and carol are #1, #2 and #3 this week
        SimChannel thread = threeAnswers();
        SimMessage bobsAnswer = drill.sim().messages(thread.id()).stream()
                .filter(m -> m.content().endsWith("Says bob."))
                .findFirst()
                .orElseThrow();
        assertThat(board("week")).containsExactly("🥇 Alice · 10 pts", "🥈 Bob · 10 pts", "🥉 Carol · 10 pts");

        // WHEN bob asks to be forgotten, he is asked to confirm, privately; nothing is removed yet
        SimResponse ask = drill.command("bob", "drill forget-me");
        assertThat(ask.ephemeral()).isTrue();
        assertThat(ask.message().customIds())
                .containsExactly("drill:forget:" + drill.sim().user("bob").id());
        assertThat(board("week")).hasSize(3);

        // AND when he confirms
        SimResponse done = drill.awaitAnswer(
                drill.as("bob").click(ask.message(), ask.message().customIds().get(0)));

        // THEN he is told what was removed
        assertThat(done.ephemeral()).isTrue();
        assertThat(done.content())
                .isEqualTo("Done: I removed your points on 3 boards, your streak and counters, your name,"
                        + " 1 answer record and the days you answered. I keep nothing new about you until you answer"
                        + " a question again.");
        // AND every board closes up around him, the others' points unchanged
        assertThat(board("week")).containsExactly("🥇 Alice · 10 pts", "🥈 Carol · 10 pts");
        assertThat(board("month")).containsExactly("🥇 Alice · 10 pts", "🥈 Carol · 10 pts");
        assertThat(board("all")).containsExactly("🥇 Alice · 10 pts", "🥈 Carol · 10 pts");
        // AND Redis keeps nothing of him
        long guild = Long.parseLong(drill.guild().id());
        String bob = drill.sim().user("bob").id();
        assertThat(drill.redis().hasKey(Keys.member(guild, Long.parseLong(bob))))
                .isFalse();
        assertThat(drill.redis().opsForHash().hasKey(Keys.names(guild), bob)).isFalse();
        assertThat(drill.redis().opsForHash().values(Keys.answers(guild, "2040-12-03")))
                .noneMatch(v -> v.toString().startsWith(bob + ","));

        // WHEN alice gives his old answer a 👍
        drill.as("alice").react(bobsAnswer, "👍");
        drill.awaitGatewayHandled();
        // THEN nothing is recorded for him
        assertThat(board("week")).containsExactly("🥇 Alice · 10 pts", "🥈 Carol · 10 pts");
        assertThat(drill.redis().hasKey(Keys.member(guild, Long.parseLong(bob))))
                .isFalse();

        // WHEN he answers Tuesday's question
        SimChannel tuesday = drill.openRound(TUESDAY_0900);
        drill.as("bob").say(tuesday.id(), ANSWER + " Bob is back.");
        drill.awaitGatewayHandled();
        // THEN he is on the board again, by name, from zero (after carol, who got to 10 points first)
        assertThat(board("week")).containsExactly("🥇 Alice · 10 pts", "🥈 Carol · 10 pts", "🥉 Bob · 10 pts");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName(
            "export attaches a JSON file of the settings, own questions, rounds and boards, and says what it lists")
    void export() throws Exception {
        // GIVEN a round with three answers, a reminder set and one question of the team's own
        threeAnswers();
        drill.command("admin", "drill-admin setup", Map.of("remind", "2h"));
        SimResponse imported = drill.awaitAnswer(drill.as("admin")
                .slash(
                        drill.dailyDrill(),
                        "drill-admin questions import",
                        Map.of("file", dev.drill.sim.Upload.text("ours.yaml", """
                                        - id: team-oncall
                                          level: intermediate
                                          topics: [on-call]
                                          prompt: How would you organise the on-call rotation of a team of five?
                                          modelAnswer: Short rotations, a runbook, a second line and a blameless review.
                                        """))));
        assertThat(imported.content()).contains("team-oncall");

        // WHEN admin exports
        SimResponse reply = drill.command("admin", "drill-admin export");

        // THEN admin alone gets the file and the list of what it holds
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .startsWith("Here is what Drill keeps of this server: settings (")
                .contains(
                        "; 1 own question; 1 round; 3 boards (1 week, 1 month, 0 archived seasons, all time) with names"
                                + " and points")
                .endsWith(". Only you see this file.");
        assertThat(reply.message().attachments())
                .singleElement()
                .satisfies(file -> assertThat(file.filename())
                        .isEqualTo("drill-export-" + drill.guild().id() + ".json"));
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(new String(reply.message().attachments().get(0).bytes(), StandardCharsets.UTF_8));
        assertThat(json.path("settings").path("channel").asString()).isEqualTo(drill.dailyDrill());
        assertThat(json.path("settings").path("remind").asString()).isEqualTo("120");
        assertThat(json.path("rounds").path("2040-12-03").path("state").asString())
                .isNotEmpty();
        JsonNode week = json.path("boards").path("boards").path("w:2040-W49");
        assertThat(week.valueStream()
                        .map(e -> e.path("name").asString() + "="
                                + e.path("points").asLong()))
                .containsExactly("Alice=10", "Bob=10", "Carol=10");
        assertThat(json.path("questions")
                        .valueStream()
                        .map(q -> q.path("id").asString() + ": "
                                + q.path("prompt").asString()))
                .containsExactly("team-oncall: How would you organise the on-call rotation of a team of five?");
        assertThat(Set.copyOf(json.propertyNames())).contains("guild", "settings", "questions", "rounds", "boards");
    }

    @Test
    @DisplayName("season reset, confirmed, archives the all-time board under a name and starts an empty one;"
            + " leaderboard season:<name> shows the archive; a member cannot confirm it")
    void seasonReset() {
        // GIVEN three members on the all-time board
        threeAnswers();

        // WHEN admin resets the season as "autumn"
        SimResponse ask = drill.command("admin", "drill-admin season reset", Map.of("name", "autumn"));
        assertThat(ask.ephemeral()).isTrue();
        assertThat(ask.message().customIds()).containsExactly("drill:season:autumn");
        // AND alice (no Manage Server) tries the button first: refused, nothing archived
        SimResponse refused = drill.awaitAnswer(drill.as("alice").click(ask.message(), "drill:season:autumn"));
        assertThat(refused.content()).isEqualTo(Access.MANAGE_SERVER.refusal());
        assertThat(board("all")).hasSize(3);
        // AND admin confirms
        SimResponse done = drill.awaitAnswer(drill.as("admin").click(ask.message(), "drill:season:autumn"));

        // THEN the board is archived, and the all-time board starts empty
        assertThat(done.content())
                .isEqualTo("Archived the all-time board as season `autumn` (3 members). A new all-time board starts"
                        + " with the next answer.");
        assertThat(board("all")).isEmpty();
        // AND the week is untouched
        assertThat(board("week")).hasSize(3);
        // AND the archive is shown by name
        SimResponse season = drill.command("carol", "drill leaderboard", Map.of("season", "autumn"));
        assertThat(season.message().embedTitles()).containsExactly("Leaderboard · season autumn");
        assertThat(season.message().embedDescriptions().get(0).split("\n"))
                .containsExactly("🥇 Alice · 10 pts", "🥈 Bob · 10 pts", "🥉 Carol · 10 pts");
        // AND an unknown season is refused privately, naming those there are
        SimResponse unknown = drill.command("carol", "drill leaderboard", Map.of("season", "spring"));
        assertThat(unknown.ephemeral()).isTrue();
        assertThat(unknown.content()).isEqualTo("There is no archived season `spring` here. Archived seasons: autumn.");
        // AND the same name twice is refused
        assertThat(drill.command("admin", "drill-admin season reset", Map.of("name", "autumn"))
                        .content())
                .isEqualTo("There is already a season `autumn`; choose another name. Nothing was changed.");
    }

    @Test
    @DisplayName("30 days after Drill is removed its data is deleted (not a day sooner); if it comes back, kept")
    void departedGuild() {
        // GIVEN a guild with a round and scores
        threeAnswers();
        long guild = Long.parseLong(drill.guild().id());

        // WHEN Drill is removed from it
        drill.sim().removeBotFrom(drill.guild());
        awaitDeparted(guild, true);
        Instant left = drill.clock().instant();

        // THEN 29 days later everything is still there
        drill.clock(left.plus(Duration.ofDays(29)));
        assertThat(guildKeys(guild)).isNotEmpty();
        // AND 30 days later it is gone, every key of the guild
        drill.clock(left.plus(Duration.ofDays(30)));
        assertThat(guildKeys(guild)).isEmpty();
        assertThat(drill.redis().opsForZSet().score(Keys.due(), Long.toString(guild)))
                .isNull();
    }

    @Test
    @DisplayName("Drill removed and added back within 30 days: the guild's data is kept")
    void returnedGuild() {
        threeAnswers();
        long guild = Long.parseLong(drill.guild().id());
        Set<String> kept = Set.of(
                Keys.settings(guild),
                Keys.boardAllTime(guild),
                Keys.names(guild),
                Keys.member(guild, Long.parseLong(drill.sim().user("alice").id())));
        assertThat(guildKeys(guild)).containsAll(kept);

        drill.sim().removeBotFrom(drill.guild());
        awaitDeparted(guild, true);
        drill.clock().advance(Duration.ofDays(3));
        drill.sim().addBotBack(drill.guild());
        awaitDeparted(guild, false);

        drill.clock(drill.clock().instant().plus(Duration.ofDays(40)));
        assertThat(guildKeys(guild)).containsAll(kept);
        assertThat(board("all")).hasSize(3);
    }

    @Test
    @DisplayName("a round that closes while Drill is out of the guild keeps its answers: an unseen thread is not a"
            + " deleted one")
    void roundClosedWhileRemoved() {
        // GIVEN three answers in Monday's round, and a restart since (so the close reads the thread first)
        threeAnswers();
        drill.restartBot();

        // WHEN Drill is removed, the round's close passes while it is out, and Drill is added back
        drill.sim().removeBotFrom(drill.guild());
        awaitDeparted(Long.parseLong(drill.guild().id()), true);
        drill.clock(drill.clock().instant().plus(Duration.ofDays(2)));
        drill.sim().addBotBack(drill.guild());
        awaitDeparted(Long.parseLong(drill.guild().id()), false);

        // THEN every answer still counts: the catch-up could not see the thread, so it withdrew nothing
        assertThat(board("all")).containsExactly("🥇 Alice · 10 pts", "🥈 Bob · 10 pts", "🥉 Carol · 10 pts");
    }

    private void awaitDeparted(long guild, boolean booked) {
        drill.sim().await("the departure booked=" + booked, Duration.ofSeconds(10), () -> {
            boolean present = drill.redis().opsForZSet().score(Keys.departed(), Long.toString(guild)) != null;
            return present == booked ? java.util.Optional.of(true) : java.util.Optional.empty();
        });
    }

    private Set<String> guildKeys(long guild) {
        return drill.redis().keys(Keys.guildPattern(guild));
    }

    /** The lines of a board as a member sees them. */
    private List<String> board(String period) {
        SimResponse reply = drill.command("carol", "drill leaderboard", Map.of("period", period));
        String description = reply.message().embedDescriptions().get(0);
        return description.startsWith("No points yet") ? List.of() : List.of(description.split("\n"));
    }
}
