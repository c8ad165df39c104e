package dev.drill.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Drill's settings")
class DrillPropertiesTests {

    @Test
    @DisplayName("printing the settings never prints the token")
    void tokenNotPrinted() {
        DrillProperties properties = new DrillProperties(
                new DrillProperties.Discord("MTIz.secret-token.part", null, null, null, null),
                new DrillProperties.Content(Path.of("content")),
                new DrillProperties.Redis(Path.of("data/redis"), 0, 10_000),
                new DrillProperties.Scheduler(Duration.ofSeconds(5), null),
                new DrillProperties.Management(8081, "127.0.0.1"));

        assertThat(properties.toString()).doesNotContain("secret-token").contains("token=(set)");
        assertThat(properties.discord().loginRetry()).isEqualTo(Duration.ofSeconds(1));
    }
}
