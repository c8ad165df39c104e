package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.QuestionBank;
import dev.drill.redis.Keys;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: mock-interview pairs")
class PairsE2ETests {

    /** Monday 2040-12-03, 09:00 in Berlin: the round time of the standard setup, on the pairing weekday. */
    private static final Instant PAIRING = Instant.parse("2040-12-03T08:00:00Z");

    private static final String CARD = "drill:paircard:2040-W49:";

    private final BotHarness drill = BotHarness.create(BotHarness.START);

    @AfterEach
    void stop() {
        drill.close();
    }

    /** The standard cast (alice, bob, carol, admin) and {@code extra} more members, all opted in. */
    private List<String> team(String... extra) {
        for (String name : extra) {
            drill.sim().addMember(name);
        }
        drill.startBot();
        drill.setUpDailyDrill();
        SimResponse setup = drill.command("admin", "drill-admin setup", Map.of("pairing", "monday"));
        assertThat(setup.message().embeds().toString()).contains("every Monday");
        List<String> members = new ArrayList<>(List.of("alice", "bob", "carol", "admin"));
        members.addAll(List.of(extra));
        for (String member : members) {
            SimResponse joined = drill.command(member, "drill pair join");
            assertThat(joined.ephemeral()).isTrue();
            assertThat(joined.content()).contains("You're in", "every Monday at 09:00 Europe/Berlin");
        }
        return members;
    }

    private List<SimChannel> pairThreads() {
        return drill.sim().threads(drill.dailyDrill()).stream()
                .filter(SimChannel::isPrivateThread)
                .toList();
    }

    /** Each pair thread's members (without the bot), by their names. */
    private List<Set<String>> groups() {
        String bot = drill.sim().botUser().id();
        return pairThreads().stream()
                .map(t -> drill.sim().threadMembers(t.id()).stream()
                        .filter(id -> !id.equals(bot))
                        .map(id -> drill.sim().user(id).name())
                        .collect(Collectors.toSet()))
                .toList();
    }

    private SimMessage welcome(SimChannel thread) {
        return drill.awaitBotMessage(thread.id(), m -> m.customIds().stream().anyMatch(id -> id.startsWith(CARD)));
    }

    private String id(String member) {
        return drill.sim().user(member).id();
    }

    @Test
    @DisplayName("7 members: two pairs and a trio in private threads, each member once, mentioned only there")
    void sevenMembers() {
        // GIVEN seven members opted in, pairing on Mondays
        List<String> team = team("dave", "erin", "frank");

        // WHEN Monday's round time comes
        drill.clock(PAIRING);

        // THEN two pairs and a trio, each in its own private thread with only its members, no member twice
        List<Set<String>> groups = groups();
        assertThat(groups).extracting(Set::size).containsExactlyInAnyOrder(2, 2, 3);
        List<String> placed = groups.stream().flatMap(Set::stream).toList();
        assertThat(placed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(team);
        for (SimChannel thread : pairThreads()) {
            SimMessage welcome = welcome(thread);
            Set<String> members = groups.get(pairThreads().indexOf(thread));
            // the welcome pings exactly its members: nobody else, no role, not @everyone
            assertThat(welcome.allowedMentions().path("parse").isEmpty()).isTrue();
            Set<String> pinged = new HashSet<>();
            welcome.allowedMentions()
                    .path("users")
                    .forEach(u -> pinged.add(drill.sim().user(u.asString()).name()));
            assertThat(pinged).isEqualTo(members);
            members.forEach(m -> assertThat(welcome.content()).contains("<@" + id(m) + ">"));
        }
    }

    @Test
    @DisplayName("5 members: a pair and a trio, no member twice; a member who left is not paired")
    void fiveMembers() {
        // GIVEN five members opted in (the cast and dave), and erin, who joined and left
        List<String> team = team("dave", "erin");
        drill.command("erin", "drill pair leave");

        // WHEN the pairing runs
        drill.clock(PAIRING);

        // THEN a pair and a trio, each member once, erin in none
        List<Set<String>> groups = groups();
        assertThat(groups).extracting(Set::size).containsExactlyInAnyOrder(2, 3);
        assertThat(groups.stream().flatMap(Set::stream).toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(team.subList(0, 5));
        // AND each member's status names their pair and its thread
        String status = drill.command("alice", "drill pair status").content();
        assertThat(status).contains("This week you meet", "<#");
    }

    @Test
    @DisplayName(
            "interviewer card: the question for the partner privately, with key points and follow-ups; refused to outsiders")
    void interviewerCards() {
        // GIVEN a week paired
        team("dave");
        drill.clock(PAIRING);
        SimChannel thread = pairThreads().get(0);
        Set<String> members = groups().get(0);
        String asker = members.iterator().next();
        SimMessage welcome = welcome(thread);
        String card = welcome.customIds().stream()
                .filter(c -> c.startsWith(CARD))
                .findFirst()
                .orElseThrow();

        // WHEN a member of the pair presses Interviewer card
        SimResponse shown = drill.awaitAnswer(drill.as(asker).click(welcome, card));

        // THEN only they see whom they interview, the question, the key points and the follow-ups
        assertThat(shown.ephemeral()).isTrue();
        String embeds = shown.message().embeds().toString();
        assertThat(embeds).contains("Interviewer card", "You interview <@");
        assertThat(embeds)
                .contains("Key points a strong answer covers", "Follow-up questions an interviewer might ask");
        String partner = members.stream()
                .filter(m -> !m.equals(asker))
                .filter(m -> embeds.contains("<@" + id(m) + ">"))
                .findFirst()
                .orElseThrow();
        assertThat(members).contains(partner);
        String prompt = shown.message().embedDescriptions().get(0);
        assertThat(drill.bean(QuestionBank.class).all().stream().anyMatch(q -> prompt.contains(q.prompt())))
                .isTrue();

        // AND a member of another pair pressing it is refused, privately, and sees no question
        String outsider = groups().get(1).iterator().next();
        SimResponse refused = drill.awaitAnswer(drill.as(outsider).click(welcome, card));
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("for the members of this pair only");
        assertThat(refused.message().embeds().isEmpty()).isTrue();
    }

    @Test
    @DisplayName(
            "/drill pair done: +3 each once; a second done and a retried event change nothing; outside a pair thread it says so")
    void doneScoredOnce() {
        // GIVEN a week paired
        team();
        drill.clock(PAIRING);
        SimChannel thread = pairThreads().get(0);
        List<String> members = List.copyOf(groups().get(0));
        String other = groups().get(1).iterator().next();

        // WHEN a member marks the session held
        SimResponse done = drill.awaitAnswer(drill.as(members.get(0)).slash(thread.id(), "drill pair done"));

        // THEN both get +3, shown in their stats with the session, and the thread is told (no one pinged)
        assertThat(done.ephemeral()).isTrue();
        assertThat(done.content()).contains("Marked held: +3 each");
        SimMessage note = drill.awaitBotMessage(thread.id(), m -> m.content().startsWith("Session held"));
        assertThat(note.allowedMentions().path("users").isEmpty()).isTrue();
        for (String member : members) {
            String stats =
                    drill.command(member, "drill stats").message().embeds().toString();
            assertThat(stats).contains("Pair sessions held", "\"value\":\"1\"");
            assertThat(allTime(member)).isEqualTo(3);
        }

        // WHEN the partner marks it again, and the same event comes again
        SimResponse again = drill.awaitAnswer(drill.as(members.get(1)).slash(thread.id(), "drill pair done"));
        drill.awaitAnswer(drill.as(members.get(0)).slash(thread.id(), "drill pair done"));

        // THEN nothing changes
        assertThat(again.content()).contains("marked held already");
        for (String member : members) {
            assertThat(allTime(member)).isEqualTo(3);
        }
        assertThat(allTime(other)).isZero();

        // AND a member of another pair, or anyone outside a pair thread, is refused
        SimResponse outsider = drill.awaitAnswer(drill.as(other).slash(thread.id(), "drill pair done"));
        assertThat(outsider.content()).contains("Only the members of this pair");
        SimResponse outside = drill.command(members.get(0), "drill pair done");
        assertThat(outside.ephemeral()).isTrue();
        assertThat(outside.content()).contains("in your pair's private thread");
        assertThat(allTime(other)).isZero();
    }

    private long allTime(String member) {
        String stats = drill.command(member, "drill stats").message().embeds().toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\":\"All time\",\"value\":\"(\\d+)")
                .matcher(stats);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    @DisplayName(
            "the pairing runs once a week: a second tick and a second instance make no new threads; next week no pair repeats")
    void oncePerWeek() {
        // GIVEN seven members and two instances
        team("dave", "erin", "frank");
        drill.startBot();

        // WHEN both instances tick at the pairing time, and again a minute later
        drill.clock().set(PAIRING);
        drill.tickConcurrently();
        drill.advance(Duration.ofMinutes(1));
        drill.tick();

        // THEN one pairing: three threads
        assertThat(pairThreads()).hasSize(3);
        List<Set<String>> first = groups();

        // WHEN the next Monday comes
        drill.clock(PAIRING.plus(Duration.ofDays(7)));

        // THEN a new pairing in new threads, with no pair of last week
        assertThat(pairThreads()).hasSize(6);
        List<Set<String>> second = groups().subList(3, 6);
        Set<String> metBefore = pairsOf(first);
        assertThat(pairsOf(second)).doesNotContainAnyElementsOf(metBefore);
    }

    @Test
    @DisplayName(
            "a run that crashed after opening a thread but before storing it: the restarted bot finishes the week without a second thread")
    void crashMidRun() {
        // GIVEN a week paired
        team("dave", "erin", "frank");
        drill.clock(PAIRING);
        List<SimChannel> threads = pairThreads();
        assertThat(threads).hasSize(3);
        long guild = Long.parseLong(drill.guild().id());
        String week = Keys.pairWeek(guild, "2040-W49");
        Object lastThread = drill.redis().opsForHash().get(week, "t:2");

        // AND Redis as if the run crashed after Discord opened the last thread but before it was stored, while
        // the crashed instance's lease still runs
        drill.redis().opsForHash().delete(week, "t:2", "done");
        drill.redis().opsForHash().delete(Keys.pairThreads(guild), lastThread.toString());
        String lease = Keys.pairLease(guild, "2040-W49");
        drill.redis().opsForValue().set(lease, "crashed-instance", Duration.ofMinutes(2));

        // WHEN the bot restarts and ticks while the lease runs
        drill.restartBot();
        drill.advance(Duration.ofMinutes(1));

        // THEN it waits: the week is not done, nothing new is opened
        assertThat(drill.redis().opsForHash().hasKey(week, "done")).isFalse();
        assertThat(pairThreads()).hasSize(3);

        // WHEN the lease has expired (Redis' own clock: removed here) and the next tick comes
        drill.redis().delete(lease);
        drill.advance(Duration.ofMinutes(1));

        // THEN the week is finished with the thread Discord already had: still three threads, one welcome each
        assertThat(drill.redis().opsForHash().hasKey(week, "done")).isTrue();
        assertThat(pairThreads()).hasSize(3);
        assertThat(drill.redis().opsForHash().get(week, "t:2")).isEqualTo(lastThread);
        for (SimChannel thread : pairThreads()) {
            assertThat(drill.sim().botMessages(thread.id())).hasSize(1);
        }
    }

    @Test
    @DisplayName("pairing is off by default: opted-in members are not paired until an admin picks a weekday")
    void offByDefault() {
        drill.startBot();
        drill.setUpDailyDrill();
        drill.command("alice", "drill pair join");
        drill.command("bob", "drill pair join");

        drill.clock(PAIRING);

        assertThat(pairThreads()).isEmpty();
        assertThat(drill.command("alice", "drill pair status").content()).contains("Pairing is off");
        // AND an admin who turns it on and off again sees the choice in the settings
        drill.command("admin", "drill-admin setup", Map.of("pairing", "friday"));
        SimResponse off = drill.command("admin", "drill-admin setup", Map.of("pairing", "off"));
        assertThat(off.message().embeds().toString()).contains("\"name\":\"Pairing\",\"value\":\"off\"");
        drill.clock(PAIRING.plus(Duration.ofDays(4)));
        assertThat(pairThreads()).isEmpty();
        // AND the help lists the pair commands and the points of a session
        String help = drill.command("alice", "drill help").message().embeds().toString();
        assertThat(help)
                .contains("/drill pair join", "/drill pair leave", "/drill pair status", "/drill pair done")
                .contains("+3 each for a mock-interview pair session held");
    }

    @Test
    @DisplayName("setup refuses pairing where Drill cannot create private threads, and saves nothing")
    void refusedWithoutPrivateThreads() {
        drill.startBot();
        drill.setUpDailyDrill();
        drill.sim().denyBot(drill.dailyDrill(), Permission.CREATE_PRIVATE_THREADS.getRawValue());
        drill.awaitGatewayHandled();

        SimResponse refused = drill.command("admin", "drill-admin setup", Map.of("pairing", "monday"));

        assertThat(refused.content())
                .contains("I can't open the pairs' private threads", "Create Private Threads", "Nothing was saved.");
        assertThat(drill.command("alice", "drill pair status").content()).contains("Pairing is off");
    }

    private static Set<String> pairsOf(List<Set<String>> groups) {
        Set<String> pairs = new HashSet<>();
        for (Set<String> group : groups) {
            for (String a : group) {
                for (String b : group) {
                    if (a.compareTo(b) < 0) {
                        pairs.add(a + ":" + b);
                    }
                }
            }
        }
        return pairs;
    }
}
