package dev.drill.content;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken question pack into a start-up report that names the file, field and line. */
public final class ContentFailureAnalyzer extends AbstractFailureAnalyzer<ContentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ContentException cause) {
        return new FailureAnalysis(
                "A question pack is broken: " + cause.getMessage(),
                "Fix that field in the file (or restore it from git) and start Drill again.",
                cause);
    }
}
