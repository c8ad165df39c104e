package dev.drill.sim.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The playground's runner, in process: the real bot, the simulator and Redis, as spring-boot:test-run starts them. */
@DisplayName("Playground runner")
class PlaygroundTests {

    /** What a run printed and how it ended. */
    private record Run(int status, String transcript) {}

    private static Run run(BufferedReader script, boolean interactive) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = Playground.run(script, out, interactive);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String script) {
        return run(new BufferedReader(new StringReader(script)), false);
    }

    @Test
    @DisplayName("printf 'as alice\\n/drill help\\n': the echoed lines, the help marked (only you), status 0")
    void help() {
        Run run = run("as alice\n/drill help\n");

        assertThat(run.status()).isEqualTo(Playground.OK);
        assertThat(run.transcript())
                .contains("> as alice\n> /drill help\n[#daily-drill] Drill (only you):\n"
                        + "  Drill: daily backend interview practice\n")
                .contains("/drill-admin setup");
    }

    @Test
    @DisplayName("a script stops at a line it cannot run, names it, and ends with a non-zero status")
    void unknownLine() {
        Run run = run("as alice\n\n# fine so far\nfrobnicate the bot\n/drill help\n");

        assertThat(run.status()).isEqualTo(Playground.LINE_FAILED);
        assertThat(run.transcript())
                .contains("! line 4 (frobnicate the bot) could not be run: unknown command 'frobnicate'")
                .doesNotContain("> /drill help");
    }

    @Test
    @DisplayName("at the terminal a failed line is reported and the session goes on; the status still says it failed")
    void interactiveGoesOn() {
        Run run = run(
                new BufferedReader(new StringReader("say too early\nas mallory\nas bob\nedit last hi\n"
                        + "react 👍 carol\nclick Show model answer\nin thread\n/drill scores\n/drill help\n")),
                true);

        assertThat(run.status()).isEqualTo(Playground.LINE_FAILED);
        assertThat(run.transcript())
                .contains("! line 1 (say too early) could not be run: nobody acts yet")
                .contains("! line 2 (as mallory) could not be run: no user mallory")
                .contains("! line 4 (edit last hi) could not be run: bob has no message to edit")
                .contains("! line 5 (react 👍 carol) could not be run: carol has no message in #daily-drill")
                .contains("! line 6 (click Show model answer) could not be run: no message bob can see has a button")
                .contains("! line 7 (in thread) could not be run: there is no question thread yet")
                .contains("! line 8 (/drill scores) could not be run:")
                .contains("Drill (only you):\n  Drill: daily backend interview practice")
                .doesNotContain("> /drill help");
    }

    @Test
    @DisplayName("tour.drill runs with status 0: setup, refusal, the 09:00 post, answers, practice, the recap")
    void tour() throws IOException {
        Run run;
        try (InputStream tour = getClass().getResourceAsStream("/playground/tour.drill")) {
            run = run(new BufferedReader(new InputStreamReader(tour, StandardCharsets.UTF_8)), false);
        }

        assertThat(run.status()).as(run.transcript()).isEqualTo(Playground.OK);
        assertThat(run.transcript())
                .contains("Drill (only you): Only members with the Manage Server permission can do that")
                .contains("Drill is set up.")
                .contains("-- Mon 2040-12-03 09:00 CET (08:00 UTC)\n[#daily-drill] Drill:\n  Daily drill · 2040-12-03")
                .contains("[How did I do?]")
                .contains("[Show model answer]")
                .contains("  Model answer\n")
                .contains("-- Tue 2040-12-04 09:00 CET (08:00 UTC)\n[#daily-drill › Drill 2040-12-03 · ")
                .contains("Round closed · 2040-12-03")
                .contains("[#daily-drill] Drill: The round of 2040-12-03 is closed: recap → #daily-drill › Drill")
                .contains("Daily drill · 2040-12-04")
                .doesNotContain("\n! ");
        // The pictures: named in the message block, saved where a person can open them
        String boards = run.transcript().substring(run.transcript().indexOf("> /drill leaderboard period:week"));
        assertThat(boards)
                .contains("  Ties go to whoever got there first.\n  [image leaderboard.png 640x180]\n")
                .contains("  Best-answer awards: 1\n  [image stats.png 640x520]\n");
        assertThat(PlaygroundSession.PICTURES.resolve("leaderboard.png")).isRegularFile();
        assertThat(PlaygroundSession.PICTURES.resolve("stats.png")).isRegularFile();
    }

    @Test
    @DisplayName("operations.drill: health UP, redis DOWN while stopped and UP again, the opened counter moves")
    void operations() throws IOException {
        Run run;
        try (InputStream script = getClass().getResourceAsStream("/playground/operations.drill")) {
            run = run(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)), false);
        }

        assertThat(run.status()).as(run.transcript()).isEqualTo(Playground.OK);
        assertThat(run.transcript())
                .contains("> health\n[health] UP\n[health] discord UP\n")
                .contains("> stop redis\n> health\n[health] DOWN\n[health] discord UP\n")
                .contains("[health] redis DOWN\n")
                .contains("> start redis\n> health\n[health] UP\n")
                .contains(
                        "> metrics drill_rounds_opened\n[metrics] drill_rounds_opened_total{application=\"drill\"} 0.0\n")
                .contains("[metrics] drill_rounds_opened_total{application=\"drill\"} 1.0\n")
                .contains("[metrics] drill_guilds{application=\"drill\"} 1.0\n");
    }

    @Test
    @DisplayName("team.drill: one reminder, the Champion role given and moved ([roles] lines, recap lines), forget-me"
            + " closing up the board, export listing what the file holds")
    void team() throws IOException {
        Run run;
        try (InputStream script = getClass().getResourceAsStream("/playground/team.drill")) {
            run = run(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)), false);
        }

        String transcript = run.transcript();
        assertThat(run.status()).as(transcript).isEqualTo(Playground.OK);
        assertThat(transcript)
                .contains("  Champion: @Champion, the #1 of each week\n")
                .contains("  Reminder: 2h before the close, no ping\n")
                .contains("> advance 22h\n-- Tue 2040-12-04 07:00 CET (06:00 UTC)\n[#daily-drill › Drill 2040-12-03 ·"
                        + " fundamentals] Drill: ⏰ This round closes in 2 hours; 2 answers so far.\n")
                .contains("[roles] alice +Champion\n")
                .contains("  Also: 🏆 Alice was #1 of week 2040-W49 with 10 points and now holds @Champion.\n")
                .contains("[roles] alice -Champion\n[roles] bob +Champion\n")
                .contains("  Also: 🏆 Bob was #1 of week 2040-W50 with 11 points and now holds @Champion, taken from"
                        + " @alice.\n")
                .contains("Drill (only you): Done: I removed your points on 4 boards, your streak and counters, your"
                        + " name, 2 answer records and the days you answered.")
                .contains("> /drill leaderboard period:all\n")
                .contains("Drill (only you): Here is what Drill keeps of this server: settings (")
                .contains("[file drill-export-")
                .doesNotContain("! ");
        // Exactly one reminder per round: the first round's, and none for rounds jumped over.
        assertThat(transcript.split("⏰", -1)).hasSize(2);
        String board = transcript.substring(transcript.indexOf("> /drill leaderboard period:all"));
        assertThat(board).contains("🥇 Alice · 10 pts").doesNotContain("Bob ·");
    }

    @Test
    @DisplayName("away.drill: what members did while the bot was stopped, and after Redis was killed, all counts")
    void away() throws IOException {
        Run run;
        try (InputStream script = getClass().getResourceAsStream("/playground/away.drill")) {
            run = run(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)), false);
        }

        assertThat(run.status()).as(run.transcript()).isEqualTo(Playground.OK);
        String afterStart = run.transcript().substring(run.transcript().indexOf("> start bot"));
        assertThat(afterStart.substring(0, afterStart.indexOf("> /drill stats member:@bob")))
                .contains("All time: 11 pts");
        assertThat(run.transcript().substring(run.transcript().lastIndexOf("> /drill leaderboard")))
                .contains("🥇 Alice · 11 pts")
                .contains("🥈 Bob · 10 pts");
    }

    @Test
    @DisplayName(
            "practice.drill: a chosen question, Answer it, a wrong answer submitted: ⚠️ lines and the model answer")
    void practiceWithOwnAnswer() throws IOException {
        Run run;
        try (InputStream script = getClass().getResourceAsStream("/playground/practice.drill")) {
            run = run(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)), false);
        }

        assertThat(run.status()).as(run.transcript()).isEqualTo(Playground.OK);
        assertThat(run.transcript())
                .contains("[Answer it] [Show model answer]")
                .contains("Drill (only you): form \"Your answer\"");
        String afterSubmit = run.transcript().substring(run.transcript().indexOf("> submit"));
        assertThat(afterSubmit)
                .contains("How did I do? · practice · Experienced")
                .contains("⚠️ 2PC is non-blocking")
                .contains("Practice: never scored.")
                .contains("Model answer");
    }

    @Test
    @DisplayName("blind.drill: answers in the form, nothing in the thread until the reveal, then both in order, a vote")
    void blindAnswers() throws IOException {
        Run run;
        try (InputStream script = getClass().getResourceAsStream("/playground/blind.drill")) {
            run = run(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)), false);
        }

        String transcript = run.transcript();
        assertThat(run.status()).as(transcript).isEqualTo(Playground.OK);
        assertThat(transcript).contains("[Answer] [How did I do?]").contains("Drill (only you): form \"Your answer\"");
        String beforeReveal =
                transcript.substring(transcript.indexOf("> as alice"), transcript.indexOf("> advance 12h"));
        assertThat(beforeReveal)
                .contains("Drill (only you): Your answer is saved, hidden from everyone until the reveal")
                .contains("Drill (only you): Your answer is replaced")
                .as("nothing is posted in the thread before the reveal")
                .doesNotContain("[#daily-drill › ");
        String reveal = transcript.substring(transcript.indexOf("> advance 12h"), transcript.indexOf("> as carol"));
        assertThat(reveal).contains("A queue decouples the producer from the consumer: bursts");
        assertThat(reveal.indexOf("A queue decouples")).isLessThan(reveal.indexOf("A broker between the services"));
        assertThat(reveal).doesNotContain("Put a message broker");
        assertThat(transcript).contains("Drill (only you): This round's answers were revealed");
        assertThat(transcript).contains("Alice · 11 pts").contains("Bob · 10 pts");
        assertThat(transcript.substring(transcript.indexOf("> restart bot without message-content")))
                .contains(
                        "> /drill-admin setup answers:thread\n[#daily-drill] Drill (only you): I run without Discord's"
                                + " Message Content intent (drill.discord.message-content=false), so I cannot read answers"
                                + " written in threads: choose answers:modal or answers:blind.");
    }

    @Test
    @DisplayName("pairs.drill: opt in, Monday's pairs in private threads, a private card refused to others, done once")
    void pairs() throws IOException {
        Run run;
        try (InputStream script = getClass().getResourceAsStream("/playground/pairs.drill")) {
            run = run(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)), false);
        }

        assertThat(run.status()).as(run.transcript()).isEqualTo(Playground.OK);
        String paired = run.transcript().substring(run.transcript().indexOf("> advance 2h"));
        assertThat(paired)
                .contains("[#daily-drill › Mock interview 2040-W49 #1] Drill: This week's mock interview:")
                .contains("[#daily-drill › Mock interview 2040-W49 #2] Drill: This week's mock interview:")
                .contains("[Interviewer card]");
        String cards = run.transcript().substring(run.transcript().indexOf("> click Interviewer card"));
        assertThat(cards)
                .contains("Drill (only you):\n  Interviewer card\n  You interview @bob. Ask:")
                .contains("Key points a strong answer covers:")
                .contains("Follow-up questions an interviewer might ask:")
                .contains("Drill (only you): This card is for the members of this pair only");
        String done = run.transcript().substring(run.transcript().indexOf("> /drill pair done"));
        assertThat(done)
                .contains("Drill: Session held: +3 each for @bob, @alice.")
                .contains("Drill (only you): This week's session of @bob, @alice is marked held already.")
                .contains("All time: 3 pts (rank #1)")
                .contains("Pair sessions held: 1");
    }

    @Test
    @DisplayName("questions.drill: a broken file refused naming question and field, add + next + post-now, a suggestion"
            + " approved and credited, history")
    void ownQuestions() throws IOException {
        Run run;
        try (InputStream script = getClass().getResourceAsStream("/playground/questions.drill")) {
            run = run(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)), false);
        }

        String transcript = run.transcript();
        assertThat(run.status()).as(transcript).isEqualTo(Playground.OK);
        assertThat(transcript)
                .contains("Nothing was imported: 1 error")
                .contains("broken.yaml:8: question 2 (team-retro): field 'level' is 'guru'")
                .contains("Imported 2 questions: `team-oncall`, `team-retro`.")
                .contains("Saved as `own-1`")
                .contains("How do you hand over an incident at the end of your shift?")
                .contains("Thanks! Your suggestion went to the reviewers")
                .contains("Approved as `own-2`")
                .contains("[DM alice] Drill: Your suggested question was approved and joins the rounds of **Practice"
                        + " Team** as `own-2`. Thank you!");
        String tuesday = transcript.substring(transcript.indexOf("> advance 1d3h"));
        assertThat(tuesday)
                .contains("No model answer")
                .contains("How would you find a memory leak in production?")
                .contains("Suggested by");
        String history = transcript.substring(transcript.indexOf("> /drill history"));
        assertThat(history).contains("Past rounds · page 1 of 1").contains("2040-12-03");
    }
}
