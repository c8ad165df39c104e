package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.discord.CommandRegistry;
import dev.drill.sim.RecordedRequest;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The commands Drill registers are a contract with every server it is in: a renamed option or a changed
 * permission must show up as a diff of the checked-in snapshot, not as a surprise in production.
 */
@DisplayName("End to end: login and command registration")
class CommandRegistrationE2ETests {

    /** Both tests compare with this one file; see {@link JsonSnapshot} for how to update it. */
    private static final JsonSnapshot COMMANDS = new JsonSnapshot("dev/drill/discord/commands.json");

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
}
