package dev.drill.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Drill's own meters, in one place so that their names and tags stay consistent. Exposed by Prometheus as
 * {@code drill_rounds_opened_total}, {@code drill_interaction_seconds} and so on. Never tagged by guild: a
 * public bot has thousands, and each tag value is a time series.
 */
@Component
public final class DrillMetrics {

    private final MeterRegistry registry;
    private final Counter opened;
    private final Counter late;
    private final Counter answers;
    private final Counter votes;

    public DrillMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.opened = Counter.builder("drill.rounds.opened")
                .description("Rounds whose question was posted")
                .register(registry);
        this.late = Counter.builder("drill.rounds.late")
                .description("Rounds posted more than a minute after their time (the bot was away)")
                .register(registry);
        this.answers = Counter.builder("drill.answers.counted")
                .description("Answers counted (first qualifying message of a member in an open round)")
                .register(registry);
        this.votes = Counter.builder("drill.votes.counted")
                .description("Votes added or taken back on answers")
                .register(registry);
    }

    /** For tests and benchmarks that build services by hand: counts into a registry nobody reads. */
    public static DrillMetrics none() {
        return new DrillMetrics(new SimpleMeterRegistry());
    }

    public void roundOpened(boolean wasLate) {
        opened.increment();
        if (wasLate) {
            late.increment();
        }
    }

    /** {@code outcome}: closed (recap posted), skipped, or recap-failed. */
    public void roundClosed(String outcome) {
        registry.counter("drill.rounds.closed", "outcome", outcome).increment();
    }

    public void answerCounted() {
        answers.increment();
    }

    public void voteCounted() {
        votes.increment();
    }

    /** From the moment Drill received an interaction to its first response; {@code outcome}: ok or error. */
    public void interaction(String command, String outcome, Duration took) {
        Timer.builder("drill.interaction")
                .description("Time from receiving a command to its first response")
                .tags("command", command, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** A gauge read when scraped: the number behind it is owned by whoever supplies it. */
    public void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value)
                .description(description)
                .register(registry);
    }
}
