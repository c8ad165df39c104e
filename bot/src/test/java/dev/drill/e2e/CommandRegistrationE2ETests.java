package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.discord.CommandRegistry;
import dev.drill.sim.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands Drill registers are a contract with every server it is in: a renamed option or a changed
 * permission must show up as a diff of the checked-in snapshot, not as a surprise in production.
 */
@DisplayName("End to end: login and command registration")
class CommandRegistrationE2ETests {

    /** Both tests compare with this one file; see {@link JsonSnapshot} for how to update it. */
    private static final JsonSnapshot COMMANDS = new JsonSnapshot("dev/drill/discord/commands.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("at start-up the bot logs in and PUTs exactly the snapshot's commands, globally, once")
    void registersTheSnapshotCommands() {
        // GIVEN the bot has started against the simulator (in the harness)

        // THEN it logged in with its token
        assertThat(drill.sim().requests("GET", "/users/@me"))
                .extracting(RecordedRequest::status)
                .containsExactly(200);
        assertThat(drill.sim().events("READY")).hasSize(1);
        // AND registered its commands with one bulk overwrite of the global commands, none per guild
        List<RecordedRequest> puts =
                drill.sim().requests("PUT", "/applications/" + drill.sim().applicationId() + "/commands");
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).status()).isEqualTo(200);
        assertThat(drill.sim().requests("PUT", "/applications/.*/guilds/.*/commands"))
                .isEmpty();
        // AND the body it sent is the snapshot
        COMMANDS.assertMatches(puts.get(0).body());
        // AND Discord now offers /drill to everyone and /drill-admin to Manage Server (0x20) only, in servers only
        assertThat(drill.sim()
                        .globalCommands()
                        .valueStream()
                        .map(c -> c.path("name").asString() + " " + c.path("default_member_permissions") + " "
                                + c.path("contexts"))
                        .toList())
                .containsExactly("drill null [0]", "drill-admin \"32\" [0]", "Award best answer \"32\" [0]");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("every command in the registry, serialised with toData(), equals the snapshot")
    void registryMatchesTheSnapshot() {
        // GIVEN the running bot's command registry
        CommandRegistry registry = drill.bean(CommandRegistry.class);

        // WHEN every definition is serialised as JDA sends it
        String json = registry.definitions().stream()
                .map(CommandData::toData)
                .map(Object::toString)
                .collect(Collectors.joining(",", "[", "]"));

        // THEN it is the snapshot, key for key
        COMMANDS.assertMatches(json);
    }

    @Test
    @DisplayName("every string option of every command declares a max_length, so Discord refuses long values")
    void everyStringOptionIsBounded() {
        List<String> unbounded = new ArrayList<>();
        List<String> bounded = new ArrayList<>();
        for (CommandData command : drill.bean(CommandRegistry.class).definitions()) {
            collect(
                    command.getName(),
                    JSON.readTree(command.toData().toString()).path("options"),
                    bounded,
                    unbounded);
        }

        assertThat(unbounded).isEmpty();
        assertThat(bounded)
                .contains(
                        "drill feedback date 10",
                        "drill leaderboard period 10",
                        "drill practice level 20",
                        "drill practice topic 40",
                        "drill practice question 100",
                        "drill-admin setup time 5",
                        "drill-admin setup timezone 64",
                        "drill-admin setup days 40",
                        "drill-admin setup levels 60",
                        "drill-admin setup answers 10",
                        "drill-admin setup reveal 20",
                        "drill-admin setup clear 40");
    }

    private static void collect(String path, JsonNode options, List<String> bounded, List<String> unbounded) {
        for (JsonNode option : options) {
            String name = path + " " + option.path("name").asString();
            if (option.path("type").asInt() == 3) {
                (option.has("max_length") ? bounded : unbounded)
                        .add(name
                                + (option.has("max_length")
                                        ? " " + option.path("max_length").asInt()
                                        : ""));
            }
            collect(name, option.path("options"), bounded, unbounded);
        }
    }
}
