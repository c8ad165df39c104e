package dev.drill.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.ContentLoader;
import dev.drill.content.KeyPointMatcher;
import dev.drill.content.LabelledAnswers;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.repository.RepositoryPaths;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The time of one "How did I do?" feedback (judge the answer, render the embed) over every labelled answer, the memory
 * the judge holds and the size of the jars it adds. Runs with {@code ./mvnw -q -pl bot test -Pbenchmark}.
 */
@Tag("benchmark")
@DisplayName("Benchmark: How did I do? feedback")
class FeedbackBenchmarkTests {

    static final double MAX_P99_MS = 200;
    private static final int ROUNDS = 20;

    @Test
    @DisplayName("one feedback takes under 200 ms at p99, first call included")
    void feedbackLatency() {
        QuestionBank bank = new ContentLoader().load(RepositoryPaths.resolve("content"));
        List<LabelledAnswers.Answer> answers = LabelledAnswers.load();
        long heapBefore = usedAfterGc(MemoryType.HEAP);
        long nonHeapBefore = usedAfterGc(MemoryType.NON_HEAP);

        List<Double> millis = new ArrayList<>();
        double first = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (LabelledAnswers.Answer answer : answers) {
                Question q = bank.byId(answer.question()).orElseThrow();
                long start = System.nanoTime();
                CoachingRenderer.feedback("2040-12-03", true, KeyPointMatcher.judge(answer.text(), q));
                double ms = (System.nanoTime() - start) / 1e6;
                if (millis.isEmpty()) {
                    first = ms;
                }
                millis.add(ms);
            }
        }
        long heap = usedAfterGc(MemoryType.HEAP) - heapBefore;
        long nonHeap = usedAfterGc(MemoryType.NON_HEAP) - nonHeapBefore;
        Collections.sort(millis);
        double p50 = millis.get(millis.size() / 2);
        double p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);

        System.out.printf(
                Locale.ROOT,
                "feedback: p50 %.2f ms, p99 %.2f ms, max %.2f ms, first (cold) %.1f ms over %d feedbacks (%d labelled"
                        + " answers x %d)%n",
                p50,
                p99,
                millis.get(millis.size() - 1),
                first,
                millis.size(),
                answers.size(),
                ROUNDS);
        System.out.printf(
                Locale.ROOT,
                "judge memory after GC: heap %+.1f MB, non-heap (classes, code) %+.1f MB; jars added: %s%n",
                heap / 1e6,
                nonHeap / 1e6,
                jars());
        assertThat(p99).isLessThan(MAX_P99_MS);
    }

    private static long usedAfterGc(MemoryType type) {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == type)
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    /** The Lucene jars on the class path and their sizes. */
    private static String jars() {
        long total = 0;
        List<String> names = new ArrayList<>();
        for (Class<?> type : List.of(Analyzer.class, PorterStemFilter.class)) {
            File jar = new File(
                    type.getProtectionDomain().getCodeSource().getLocation().getPath());
            total += jar.length();
            names.add(String.format(Locale.ROOT, "%s %.1f MB", jar.getName(), jar.length() / 1e6));
        }
        return String.join(" + ", names) + String.format(Locale.ROOT, " = %.1f MB", total / 1e6);
    }
}
