package dev.drill.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast Drill sends its own REST requests ({@code drill.discord.pace.requests-per-second}, default 45):
 * under Discord's global 50 a second, with room for the requests that are not paced (a catch-up's history
 * reads, a feature's moments), so a rush waits in Drill instead of collecting 429s.
 */
@ConfigurationProperties("drill.discord.pace")
public record DiscordPace(Integer requestsPerSecond) {

    public DiscordPace {
        requestsPerSecond = requestsPerSecond == null ? 45 : requestsPerSecond;
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException(
                    "drill.discord.pace.requests-per-second must be at least 1 (it is " + requestsPerSecond + ")");
        }
    }
}
