package dev.drill.discord;

import java.time.Clock;
import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code discord} component of {@code /actuator/health}: connected is UP; a reconnect gets a minute's
 * grace before it counts as OUT_OF_SERVICE (JDA resumes most drops within seconds, and a readiness probe
 * that flapped on each would restart a healthy bot); shut down or never started is DOWN.
 */
@Component("discord")
final class DiscordHealthIndicator implements HealthIndicator {

    static final Duration GRACE = Duration.ofSeconds(60);

    private final DiscordGateway gateway;
    private final Clock clock;

    DiscordHealthIndicator(DiscordGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public Health health() {
        DiscordGateway.DiscordHealth state = gateway.health();
        if (state.status() == null) {
            if (state.problem() != null) {
                Health.Builder health = Health.outOfService()
                        .withDetail("reason", state.problem().reason())
                        .withDetail("attempts", state.problem().attempt());
                if (state.problem().nextTry() != null) {
                    health.withDetail("nextAttemptIn", state.problem().nextTry().toString());
                }
                return health.build();
            }
            return Health.down().withDetail("status", "not logged in").build();
        }
        JDA.Status status = state.status();
        if (status == JDA.Status.CONNECTED) {
            return Health.up().withDetail("status", status.name()).build();
        }
        if (status == JDA.Status.SHUTDOWN || status == JDA.Status.SHUTTING_DOWN) {
            return Health.down().withDetail("status", status.name()).build();
        }
        boolean overGrace = state.disconnectedSince() != null
                && Duration.between(state.disconnectedSince(), clock.instant()).compareTo(GRACE) > 0;
        return (overGrace ? Health.outOfService() : Health.up())
                .withDetail("status", status.name())
                .build();
    }
}
