package dev.drill.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of Drill, under {@code drill.*}. Bound and validated at start-up, so a bad value stops the
 * bot with the property's name instead of failing later.
 */
@Validated
@ConfigurationProperties("drill")
public record DrillProperties(
        @Valid @NotNull Discord discord,
        @Valid @NotNull Content content,
        @Valid @NotNull Redis redis,
        @Valid @NotNull Scheduler scheduler,
        @Valid @NotNull Management management) {

    /**
     * How the bot reaches Discord. The URLs are only overridden to point at the local simulator;
     * {@code loginRetry} is the first wait after Discord could not be reached (doubling up to a minute).
     * {@code messageContent} false runs without the privileged Message Content intent: members then answer
     * with the Answer button only (the bot cannot read what they write in threads).
     */
    public record Discord(
            String token, String restUrl, String gatewayUrl, Duration loginRetry, Boolean messageContent) {
        public Discord {
            messageContent = messageContent == null || messageContent;
            token = token == null ? "" : token.strip();
            restUrl = blankToNull(restUrl);
            gatewayUrl = blankToNull(gatewayUrl);
            loginRetry = loginRetry == null || loginRetry.isNegative() || loginRetry.isZero()
                    ? Duration.ofSeconds(1)
                    : loginRetry;
        }

        /** Whether the bot asks for the Message Content intent and can read answers in threads. */
        public boolean readsMessages() {
            return messageContent;
        }

        public boolean hasToken() {
            return !token.isEmpty();
        }

        /** Never the token: records print every component, and this one may end up in a log. */
        @Override
        public String toString() {
            return "Discord[token=" + (hasToken() ? "(set)" : "(not set)") + ", restUrl=" + restUrl + ", gatewayUrl="
                    + gatewayUrl + ", loginRetry=" + loginRetry + ", messageContent=" + messageContent + "]";
        }
    }

    /** Where the question packs live; a missing folder falls back to the packs bundled in the jar. */
    public record Content(@NotNull Path path) {}

    /**
     * Drill's own Redis settings; where Redis is comes from Boot's {@code spring.data.redis.*}. Without any
     * of those, an embedded Redis is started on {@code embeddedPort} (0: a free one), persisted under
     * {@code dataDir}. {@code requestQueueSize} bounds what waits during an outage.
     */
    public record Redis(
            @NotNull Path dataDir,
            int embeddedPort,
            @jakarta.validation.constraints.Min(100) int requestQueueSize) {}

    /**
     * The HTTP port of the management endpoints (health, Prometheus), bound to {@code address}: loopback
     * unless an operator opens it, since health details name the infrastructure. Port 0 picks a free one.
     */
    public record Management(
            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(65535)
            int port,

            @NotNull String address) {}

    /**
     * The round scheduler: how often it looks for due work ({@code 0} turns the background tick off), and how
     * many guilds' round changes run at once ({@code roundsInFlight}, default 32; the pace of Discord's global
     * limit, not this number, sets how fast a rush goes).
     */
    public record Scheduler(@NotNull Duration tick, Integer roundsInFlight) {
        public Scheduler {
            roundsInFlight = roundsInFlight == null ? 32 : roundsInFlight;
            if (roundsInFlight < 1) {
                throw new IllegalArgumentException(
                        "drill.scheduler.rounds-in-flight must be at least 1 (it is " + roundsInFlight + ")");
            }
        }

        public boolean enabled() {
            return !tick.isZero() && !tick.isNegative();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
