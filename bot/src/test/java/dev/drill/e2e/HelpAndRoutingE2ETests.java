package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.SimInteraction;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
                .contains("/drill leaderboard", "/drill stats", "/drill practice", "/drill-admin setup");
        assertThat(Duration.between(drill.clock().instant(), reply.at())).isLessThan(Duration.ofSeconds(3));
        drill.sim().assertNoProblems();
    }
}
