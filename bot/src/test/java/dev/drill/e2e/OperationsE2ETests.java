package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees: the health endpoint (Redis and Discord), the Prometheus metrics, and start-up
 * failures that say what to do instead of printing a stack trace.
 */
@DisplayName("End to end: health, metrics and start-up failures")
@ExtendWith(OutputCaptureExtension.class)
class OperationsE2ETests {

    private static final Instant MONDAY_0859 = Instant.parse("2040-12-03T07:59:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BotHarness drill;

    @AfterEach
    void stop() {
        if (drill != null) {
            drill.close();
        }
    }

    @Test
    @DisplayName("health is UP with redis and discord; Redis stopped makes redis DOWN, started again UP")
    void healthOfRedisAndDiscord() {
        drill = BotHarness.start();

        JsonNode up = health();
        assertThat(up.path("status").asString()).isEqualTo("UP");
        assertThat(up.path("components").path("redis").path("status").asString())
                .isEqualTo("UP");
        assertThat(up.path("components").path("discord").path("status").asString())
                .isEqualTo("UP");
        assertThat(drill.management("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(drill.management("/actuator/health/readiness").status()).isEqualTo(200);

        drill.stopRedis();
        JsonNode down = health();
        assertThat(down.path("components").path("redis").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(down.path("status").asString()).isEqualTo("DOWN");
        assertThat(drill.management("/actuator/health/readiness").status())
                .as("not ready without Redis")
                .isEqualTo(503);

        drill.startRedis();
        Awaitility.await()
                .atMost(30, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(health().path("components")
                                .path("redis")
                                .path("status")
                                .asString())
                        .isEqualTo("UP"));
    }

    @Test
    @DisplayName("the opened-rounds counter moves with a post; answers and interactions are counted")
    void metrics() {
        drill = BotHarness.create(MONDAY_0859);
        drill.startBot();
        drill.setUpDailyDrill();
        assertThat(metric("drill_rounds_opened_total")).isEqualTo(0.0);
        assertThat(metric("drill_guilds")).isEqualTo(1.0);

        drill.advance(Duration.ofMinutes(1));
        drill.awaitBotMessage(drill.dailyDrill(), m -> !m.embedTitles().isEmpty());

        assertThat(metric("drill_rounds_opened_total")).isEqualTo(1.0);
        assertThat(metric("drill_rounds_late_total")).isEqualTo(0.0);
        String prometheus = drill.management("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("drill_interaction_seconds_count{")
                .contains("command=\"/drill-admin setup\"")
                .contains("drill_score_queue_depth")
                .contains("drill_answers_counted_total")
                .contains("drill_votes_counted_total")
                .doesNotContain(drill.guild().id());
    }

    @Test
    @DisplayName("a token Discord rejects stops start-up with one sentence and no stack trace")
    void rejectedToken(CapturedOutput output) {
        drill = BotHarness.create(BotHarness.START).property("drill.discord.token", "not-the-token");

        assertThatThrownBy(drill::startBot).hasRootCauseInstanceOf(dev.drill.discord.DiscordLoginException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Discord rejected the bot token (401 Unauthorized)")
                .contains("Reset Token")
                .doesNotContain("not-the-token")
                .doesNotContain("\tat net.dv8tion");
    }

    @Test
    @DisplayName("without the Message Content intent start-up stops naming the switch in the developer portal")
    void messageContentIntentOff(CapturedOutput output) {
        drill = BotHarness.create(BotHarness.START);
        drill.sim().allowMessageContent(false);

        assertThatThrownBy(drill::startBot).hasRootCauseInstanceOf(dev.drill.discord.DiscordLoginException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("close code 4014")
                .contains("MESSAGE CONTENT INTENT")
                .doesNotContain("\tat net.dv8tion");
    }

    @Test
    @DisplayName("Discord unreachable: start-up goes on, one line per attempt, not ready until Discord answers")
    void discordUnreachable(CapturedOutput output) {
        drill = BotHarness.create(BotHarness.START).property("drill.discord.login-retry", "200ms");
        drill.sim().unreachable(true);

        drill.startBot();

        JsonNode waiting = health();
        assertThat(waiting.path("components").path("discord").path("status").asString())
                .isEqualTo("OUT_OF_SERVICE");
        assertThat(waiting.path("components")
                        .path("discord")
                        .path("details")
                        .path("reason")
                        .asString())
                .startsWith("Discord unreachable");
        assertThat(drill.management("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(output.getAll()).contains("Discord unreachable (attempt 1)");

        drill.sim().unreachable(false);
        Awaitility.await()
                .atMost(30, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(health().path("components")
                                .path("discord")
                                .path("status")
                                .asString())
                        .isEqualTo("UP"));
        assertThat(drill.command("alice", "drill help").message().embedTitles())
                .containsExactly("Drill: daily backend interview practice");
        assertThat(output.getAll()).doesNotContain("\tat net.dv8tion");
    }

    private JsonNode health() {
        return JSON.readTree(drill.management("/actuator/health").body());
    }

    /** One sample of the Prometheus text format, by exact name (with any tags). */
    private double metric(String name) {
        return drill.management("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
