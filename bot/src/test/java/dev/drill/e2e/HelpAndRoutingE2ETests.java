package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drill.sim.DiscordSimulator;
import dev.drill.sim.SimInteraction;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("End to end: login, help and routing")
class HelpAndRoutingE2ETests {

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("/drill help is answered ephemerally, well within Discord's 3 seconds")
    void help() {
        SimInteraction asked = drill.as("alice").slash(drill.dailyDrill(), "drill help");
        SimResponse reply = drill.awaitAnswer(asked);

        assertThat(reply.kind()).isEqualTo(SimResponse.Kind.REPLY);
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().embedTitles()).containsExactly("Drill: daily backend interview practice");
        assertThat(reply.message().embeds().toString())
                .contains("/drill leaderboard", "/drill stats", "/drill practice", "/drill-admin setup")
                .contains(
                        "/drill suggest",
                        "/drill history",
                        "/drill-admin questions import",
                        "/drill-admin questions next");
        assertThat(Duration.between(drill.clock().instant(), reply.at())).isLessThan(Duration.ofSeconds(3));
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a subcommand Discord still offers but this bot no longer knows is answered with a sentence")
    void unknownSubcommand() {
        // GIVEN Discord still offers /drill scores, as an older deploy registered it
        ObjectNode drillCommand = (ObjectNode) command("drill").deepCopy();
        ObjectNode scores = drillCommand.withArray("options").addObject();
        scores.put("type", 1);
        scores.put("name", "scores");
        scores.put("description", "The week's top 10");
        drill.sim().addGlobalCommand(drillCommand);

        // WHEN alice runs it
        SimResponse reply = drill.command("alice", "drill scores");

        // THEN she is told, only her, that the bot does not know it and where to look
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo("I don't know `/drill scores`. `/drill help` lists what I can do.");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a top-level command the registry lacks is answered with a sentence, not silence")
    void unknownCommand() {
        // GIVEN Discord still offers /drill-old help from an earlier registration
        ObjectNode old = (ObjectNode) command("drill").deepCopy();
        old.remove("id");
        old.put("name", "drill-old");
        drill.sim().addGlobalCommand(old);

        // WHEN bob runs it
        SimResponse reply = drill.command("bob", "drill-old help");

        // THEN he gets a sentence, only for him
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo("I don't know `/drill-old help`. `/drill help` lists what I can do.");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("Drill's commands are for servers only: Discord does not offer them in a DM")
    void commandsAreNotOfferedInDms() {
        // GIVEN the commands as the bot registered them (contexts: guild only)

        // WHEN alice tries /drill help in her DM with the bot
        // THEN Discord's client has nothing to offer her there
        assertThatThrownBy(() -> drill.as("alice").slashInDm("drill help", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not offer /drill in a DM");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a command that still reaches the bot in a DM is answered with a sentence that says where it works")
    void commandInDm() {
        // GIVEN an older registration of /drill that allowed every context, still offered in DMs
        ObjectNode everywhere = (ObjectNode) command("drill").deepCopy();
        everywhere.remove("contexts");
        drill.sim().addGlobalCommand(everywhere);

        // WHEN alice runs /drill help in her DM with the bot
        SimInteraction asked = drill.as("alice").slashInDm("drill help", Map.of());
        SimResponse reply = drill.awaitAnswer(asked);

        // THEN she is told, in that DM, that Drill works in a server channel
        assertThat(reply.message().channelId()).isEqualTo(drill.sim().dmChannel("alice"));
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo("Drill works inside a server: run its commands in a server channel.");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("after a dropped socket that resumes, a command sent meanwhile is replayed and answered")
    void answersAfterResumableDrop() {
        // GIVEN the gateway socket drops and Discord keeps the session
        int resumedBefore = drill.sim().events("RESUMED").size();
        drill.sim().dropConnection(true);

        // WHEN alice asks for help, whether or not the bot is back yet
        SimInteraction asked = drill.as("alice").slash(drill.dailyDrill(), "drill help");

        // THEN the bot resumes (no new login), gets the command replayed and answers it
        SimResponse reply = drill.awaitAnswer(asked);
        assertThat(reply.message().embedTitles()).containsExactly("Drill: daily backend interview practice");
        assertThat(drill.sim().events("RESUMED")).hasSize(resumedBefore + 1);
        assertThat(drill.sim().events("READY")).hasSize(1);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("after a dropped socket that cannot resume, the bot logs in anew and answers /drill help")
    void answersAfterNonResumableDrop() {
        // GIVEN the socket drops and Discord has forgotten the session
        drill.sim().dropConnection(false);

        // WHEN the bot has identified again (a second READY)
        drill.sim()
                .await(
                        "a new READY",
                        DiscordSimulator.DEFAULT_TIMEOUT,
                        () -> drill.sim().events("READY").size() == 2
                                        && drill.sim().gatewayConnected()
                                ? Optional.of(true)
                                : Optional.empty());
        // AND the guild is set up again (GUILD_CREATE after READY); then alice asks for help
        drill.sim()
                .await(
                        "the guild again",
                        DiscordSimulator.DEFAULT_TIMEOUT,
                        () -> drill.sim().events("GUILD_CREATE").size() >= 2 ? Optional.of(true) : Optional.empty());
        SimResponse reply = drill.command("alice", "drill help");

        // THEN she gets the help
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().embedTitles()).containsExactly("Drill: daily backend interview practice");
        drill.sim().assertNoProblems();
    }

    private JsonNode command(String name) {
        return drill.sim()
                .globalCommands()
                .valueStream()
                .filter(c -> c.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
