package dev.drill.round;

import dev.drill.ops.DrillMetrics;
import org.springframework.context.annotation.Configuration;

/** The round feature's gauge: how many guilds Drill has on its schedule. */
@Configuration(proxyBeanMethods = false)
class RoundMetrics {

    RoundMetrics(DrillMetrics metrics, DueSchedule due) {
        metrics.gauge("drill.guilds", "Guilds with scheduled rounds", due::scheduledGuilds);
    }
}
