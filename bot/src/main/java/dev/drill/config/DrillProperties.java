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
        @Valid @NotNull Scheduler scheduler) {

    /** How the bot reaches Discord. The URLs are only overridden to point at the local simulator. */
    public record Discord(String token, String restUrl, String gatewayUrl) {
        public Discord {
            token = token == null ? "" : token.strip();
            restUrl = blankToNull(restUrl);
            gatewayUrl = blankToNull(gatewayUrl);
        }

        public boolean hasToken() {
            return !token.isEmpty();
        }
    }

    /** Where the question packs live; a missing folder falls back to the packs bundled in the jar. */
    public record Content(@NotNull Path path) {}

    /**
     * The Redis to use: {@code url} ({@code REDIS_URL}) for an external one, otherwise an embedded Redis
     * persisted under {@code dataDir}.
     */
    public record Redis(
            String url,
            @NotNull Path dataDir,
            int embeddedPort,
            @NotNull Duration commandTimeout,
            @jakarta.validation.constraints.Min(100) int requestQueueSize) {
        public Redis {
            url = blankToNull(url);
        }
    }

    /** The round scheduler: how often it looks for due work ({@code 0} turns the background tick off). */
    public record Scheduler(@NotNull Duration tick) {
        public boolean enabled() {
            return !tick.isZero() && !tick.isNegative();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
