package dev.drill.score;

import dev.drill.ops.DrillMetrics;
import org.springframework.context.annotation.Configuration;

/** The score feature's gauge: writes waiting for Redis (non-zero only during an outage). */
@Configuration(proxyBeanMethods = false)
class ScoreMetrics {

    ScoreMetrics(DrillMetrics metrics, ScoreRetryQueue queue) {
        metrics.gauge("drill.score.queue.depth", "Score writes waiting for Redis", queue::size);
    }
}
