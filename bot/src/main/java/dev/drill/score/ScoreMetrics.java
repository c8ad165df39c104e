package dev.drill.score;

import dev.drill.ops.DrillMetrics;
import org.springframework.context.annotation.Configuration;

/**
 * The score feature's gauges: writes waiting for Redis (non-zero only during an outage), and writes parked
 * after failing in a way Redis would not heal (non-zero means a bug to look into: the log names them).
 */
@Configuration(proxyBeanMethods = false)
class ScoreMetrics {

    ScoreMetrics(DrillMetrics metrics, ScoreRetryQueue queue) {
        metrics.gauge("drill.score.queue.depth", "Score writes waiting for Redis", queue::size);
        metrics.gauge(
                "drill.score.parked",
                "Score writes given up after repeated failures Redis would not heal",
                queue::parked);
    }
}
