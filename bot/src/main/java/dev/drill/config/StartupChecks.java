package dev.drill.config;

import java.util.Optional;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Stops a real start without a Discord token before anything else starts, with one sentence instead of a
 * stack trace: the most common first-run mistake deserves the clearest answer.
 */
public final class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    public static final String MISSING_TOKEN = "Drill needs a bot token: create an application at"
            + " https://discord.com/developers/applications, copy its bot token into the DISCORD_TOKEN environment"
            + " variable and start again, or try Drill without Discord with"
            + " `./mvnw -q -pl bot spring-boot:test-run`.";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        problem(event.getEnvironment()).ifPresent(sentence -> {
            System.err.println(sentence);
            System.exit(2);
        });
    }

    /** The sentence to stop with, if the environment cannot start a real bot. */
    static Optional<String> problem(Environment environment) {
        String token = environment.getProperty("drill.discord.token", "");
        return token.isBlank() ? Optional.of(MISSING_TOKEN) : Optional.empty();
    }
}
