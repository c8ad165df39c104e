package dev.drill.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("Start-up checks")
class StartupChecksTests {

    @Test
    @DisplayName("without a token, stop with one sentence that says how to get one and how to try the playground")
    void missingToken() {
        MockEnvironment environment = new MockEnvironment().withProperty("drill.discord.token", " ");

        assertThat(StartupChecks.problem(environment))
                .hasValueSatisfying(sentence -> assertThat(sentence)
                        .contains("DISCORD_TOKEN")
                        .contains("discord.com/developers/applications")
                        .contains("spring-boot:test-run")
                        .doesNotContain("\n"));
    }

    @Test
    @DisplayName("with a token, start")
    void withToken() {
        MockEnvironment environment = new MockEnvironment().withProperty("drill.discord.token", "abc.def.ghi");

        assertThat(StartupChecks.problem(environment)).isEmpty();
    }
}
