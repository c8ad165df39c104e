package dev.drill.config;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

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
        String token = event.getEnvironment().getProperty("drill.discord.token", "");
        if (token.isBlank()) {
            System.err.println(MISSING_TOKEN);
            System.exit(2);
        }
    }
}
