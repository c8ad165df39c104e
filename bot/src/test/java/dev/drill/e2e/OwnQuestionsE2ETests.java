package dev.drill.e2e;

import static dev.drill.e2e.Embeds.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.redis.Keys;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimInteraction;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import dev.drill.sim.Upload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: the team's own questions, member suggestions")
class OwnQuestionsE2ETests {

    /** 09:00 in Berlin on Tuesday 4 December 2040: Monday's round (posted now) closes then. */
    private static final Instant TUESDAY_0900 = Instant.parse("2040-12-04T08:00:00Z");

    static final String TWO_QUESTIONS = """
            # Our own questions
            - id: team-oncall
              level: intermediate
              topics: [on-call]
              prompt: How would you organise the on-call rotation of a team of five?
              modelAnswer: Short rotations, a runbook, a second line and a blameless review after each incident.
            - id: team-retro
              level: guru
              topics: [process]
              prompt: What makes a retrospective useful?
            """;

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("import: a file with one invalid question is refused whole, naming the line, question and field")
    void importRefused() {
        // GIVEN Drill is set up
        drill.setUpDailyDrill();

        // WHEN admin imports a file whose second question has an unknown level
        SimResponse reply = importFile("ours.yaml", TWO_QUESTIONS);

        // THEN nothing is imported, and the error names the file, the line, the question and the field
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().embedTitles()).containsExactly("Nothing was imported: 1 error");
        assertThat(reply.message().embedDescriptions().get(0))
                .isEqualTo("• ours.yaml:8: question 2 (team-retro): field 'level' is 'guru', not one of the pack's"
                        + " levels [fresher, intermediate, experienced]");
        assertThat(drill.redis().hasKey(Keys.ownQuestions(guild()))).isFalse();

        // WHEN the file is fixed
        SimResponse fixed = importFile("ours.yaml", TWO_QUESTIONS.replace("level: guru", "level: experienced"));

        // THEN both questions are imported and listed
        assertThat(fixed.content()).isEqualTo("Imported 2 questions: `team-oncall`, `team-retro`.");
        SimResponse list = drill.command("admin", "drill-admin questions list");
        assertThat(list.message().embedTitles()).containsExactly("Your own questions · page 1 of 1");
        assertThat(list.message().embedDescriptions().get(0)).contains("`team-oncall` · intermediate");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("import and the other question commands are refused to members without Manage Server")
    void membersRefused() {
        drill.setUpDailyDrill();
        SimResponse reply = drill.awaitAnswer(drill.as("alice")
                .slash(
                        drill.dailyDrill(),
                        "drill-admin questions import",
                        Map.of("file", Upload.text("x.yaml", TWO_QUESTIONS))));
        assertThat(reply.content()).startsWith("Only members with the Manage Server permission");
        assertThat(drill.command("alice", "drill-admin questions next", Map.of("question", "message-queues"))
                        .content())
                .startsWith("Only members with the Manage Server permission");
        assertThat(drill.redis().hasKey(Keys.ownQuestions(guild()))).isFalse();
        assertThat(drill.redis().hasKey(Keys.ownSettings(guild()))).isFalse();
    }

    @Test
    @DisplayName("add: a question typed into the form, pinned with next, is posted by post-now; without coaching it"
            + " still works")
    void addPinPost() {
        // GIVEN Drill is set up
        drill.setUpDailyDrill();

        // WHEN admin adds a question through the form, without a model answer or key points
        SimInteraction add = drill.as("admin")
                .slash(
                        drill.dailyDrill(),
                        "drill-admin questions add",
                        Map.of("level", "intermediate", "topics", "on-call, process"));
        awaitForm(add);
        SimResponse saved = drill.awaitAnswer(drill.as("admin")
                .submitModal(add, Map.of("prompt", "How do you hand over an incident at the end of your shift?")));

        // THEN it is saved with an id
        assertThat(saved.content())
                .startsWith("Saved as `own-1` (intermediate, on-call, process), without a model answer.");

        // WHEN admin pins it for the next round and posts now
        assertThat(drill.command("admin", "drill-admin questions next", Map.of("question", "own-1"))
                        .content())
                .startsWith("The next round asks `own-1` (intermediate): How do you hand over");
        drill.command("admin", "drill-admin post-now");

        // THEN today's post is that question
        SimMessage post = drill.awaitBotMessage(
                drill.dailyDrill(),
                m -> !m.embeds().isEmpty() && m.embedTitles().get(0).startsWith("Daily drill"));
        assertThat(post.embedDescriptions().get(0))
                .isEqualTo("**How do you hand over an incident at the end of your shift?**");
        assertThat(fields(post).get("Topics")).isEqualTo("on-call, process");
        assertThat(fields(post).get("How to answer")).contains("The recap with the best answers comes");
        assertThat(drill.redis().opsForHash().get(Keys.round(guild(), "2040-12-03"), "question"))
                .isEqualTo("own-1");

        // WHEN alice answers and asks How did I do?
        SimChannel thread =
                drill.sim().awaitThread(drill.dailyDrill(), t -> t.id().equals(post.id()), Duration.ofSeconds(10));
        drill.as("alice").say(thread.id(), "I write down what is open, who knows what, and hand over in a call.");
        drill.settleEvents();
        SimResponse feedback = drill.awaitAnswer(drill.as("alice").click(post, "drill:feedback:2040-12-03"));

        // THEN there are no key points to compare with
        assertThat(feedback.content())
                .isEqualTo("This round's question has no key points to compare your answer with.");

        // WHEN the round closes
        drill.clock(TUESDAY_0900);

        // THEN the recap says to read the best answers, as there is no model answer
        SimMessage recap = drill.awaitBotMessage(thread.id(), m -> !m.embeds().isEmpty());
        assertThat(fields(recap))
                .containsEntry(
                        "No model answer", "This question has no model answer: read the best answers above instead.");
        assertThat(recap.embedTitles()).doesNotContain("Model answer");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("suggest: refused without a review channel; approved by a reviewer (not by a member), credited on"
            + " the post, the author told by DM")
    void suggestion() {
        // GIVEN Drill is set up without a review channel
        drill.setUpDailyDrill();

        // WHEN alice suggests a question
        // THEN she is told suggestions are not open yet
        assertThat(drill.command("alice", "drill suggest").content())
                .isEqualTo("Suggestions are not open here yet: an admin first sets a review channel with"
                        + " `/drill-admin setup review-channel:#channel`.");

        // GIVEN admin sets #general as the review channel
        drill.command(
                "admin",
                "drill-admin setup",
                Map.of("review-channel", drill.guild().generalId()));

        // WHEN alice suggests a question
        SimInteraction suggest = drill.as("alice").slash(drill.dailyDrill(), "drill suggest");
        awaitForm(suggest);
        SimResponse sent = drill.awaitAnswer(drill.as("alice")
                .submitModal(
                        suggest,
                        Map.of("prompt", "How would you find a memory leak in production?", "level", "experienced")));

        // THEN she is thanked, and the review channel has it with Approve / Edit / Reject
        assertThat(sent.content()).startsWith("Thanks! Your suggestion went to the reviewers");
        SimMessage review = drill.awaitBotMessage(
                drill.guild().generalId(), m -> !m.embeds().isEmpty());
        assertThat(review.embedDescriptions().get(0)).isEqualTo("**How would you find a memory leak in production?**");
        assertThat(review.customIds())
                .containsExactly(
                        "drill:suggestion:approve:s1", "drill:suggestion:edit:s1", "drill:suggestion:reject:s1");

        // WHEN bob, not a reviewer, clicks Approve
        SimResponse refused = drill.awaitAnswer(drill.as("bob").click(review, "drill:suggestion:approve:s1"));

        // THEN he is refused and nothing is approved
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).startsWith("Only members with Manage Server (or the reviewer role");
        assertThat(drill.redis().hasKey(Keys.ownQuestions(guild()))).isFalse();

        // WHEN admin approves it
        SimResponse approved = drill.awaitAnswer(drill.as("admin").click(review, "drill:suggestion:approve:s1"));

        // THEN admin is told, the review message shows the decision without buttons, and alice gets a DM
        assertThat(approved.content())
                .isEqualTo("Approved as `own-1`; it joins the rounds credited to <@"
                        + drill.sim().user("alice").id() + ">.");
        SimMessage decided = decided(review);
        assertThat(fields(decided).get("Decision"))
                .startsWith("Approved by <@" + drill.sim().user("admin").id() + ">");
        assertThat(decided.customIds()).isEmpty();
        SimMessage dm = drill.awaitBotMessage(drill.sim().dmChannel("alice"), m -> true);
        assertThat(dm.content()).contains("was approved").contains("`own-1`");

        // WHEN it is pinned and posted
        drill.command("admin", "drill-admin questions next", Map.of("question", "own-1"));
        drill.command("admin", "drill-admin post-now");

        // THEN the post credits alice, without pinging her
        SimMessage post = drill.awaitBotMessage(
                drill.dailyDrill(),
                m -> !m.embeds().isEmpty() && m.embedTitles().get(0).startsWith("Daily drill"));
        assertThat(post.embedDescriptions().get(0)).isEqualTo("**How would you find a memory leak in production?**");
        assertThat(fields(post))
                .containsEntry("Suggested by", "<@" + drill.sim().user("alice").id() + ">");
        assertThat(post.content()).doesNotContain("<@");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("suggest: a rejected suggestion tells the author; closed DMs are reported to the reviewer")
    void rejectedWithClosedDms() {
        drill.setUpDailyDrill();
        drill.command(
                "admin",
                "drill-admin setup",
                Map.of("review-channel", drill.guild().generalId()));
        SimInteraction suggest = drill.as("carol").slash(drill.dailyDrill(), "drill suggest");
        awaitForm(suggest);
        drill.awaitAnswer(drill.as("carol")
                .submitModal(suggest, Map.of("prompt", "What is your favourite colour and why?", "level", "fresher")));
        SimMessage review = drill.awaitBotMessage(
                drill.guild().generalId(), m -> !m.embeds().isEmpty());
        drill.sim().closeDms("carol");

        SimResponse rejected = drill.awaitAnswer(drill.as("admin").click(review, "drill:suggestion:reject:s1"));

        assertThat(rejected.content())
                .isEqualTo("Rejected; I am telling the author. I could not DM the author (their DMs are closed): please"
                        + " tell them.");
        assertThat(fields(decided(review)).get("Decision")).startsWith("Rejected by");
        assertThat(drill.redis().hasKey(Keys.ownQuestions(guild()))).isFalse();
    }

    /** The review message once it shows the decision (its edit may land after the reviewer's answer). */
    private SimMessage decided(SimMessage review) {
        try {
            return drill.awaitBotMessage(
                    drill.guild().generalId(),
                    m -> m.id().equals(review.id()) && fields(m).containsKey("Decision"));
        } catch (AssertionError e) {
            throw new AssertionError(
                    "no decision on the review message; simulator problems: "
                            + drill.sim().problems() + "; edits: " + drill.sim().requests("PATCH", ".*"),
                    e);
        }
    }

    /** Opens the form a command or button answers with, failing with the simulator's problems if none came. */
    private void awaitForm(SimInteraction opened) {
        try {
            drill.sim().awaitResponse(opened, r -> r.kind() == SimResponse.Kind.MODAL, Duration.ofSeconds(10));
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; simulator problems: " + drill.sim().problems(), e);
        }
    }

    private SimResponse importFile(String name, String text) {
        return drill.awaitAnswer(drill.as("admin")
                .slash(drill.dailyDrill(), "drill-admin questions import", Map.of("file", Upload.text(name, text))));
    }

    private long guild() {
        return Long.parseLong(drill.guild().id());
    }

    static List<String> unused() {
        return List.of();
    }
}
