package dev.drill.discord;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused Discord login stops start-up with its one sentence, not a stack trace. */
public final class DiscordLoginFailureAnalyzer extends AbstractFailureAnalyzer<DiscordLoginException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DiscordLoginException cause) {
        // The sentence says what to do; Boot's report wants an action too, so it gets the last step alone.
        return new FailureAnalysis(cause.getMessage(), "Start Drill again once that is done.", null);
    }
}
