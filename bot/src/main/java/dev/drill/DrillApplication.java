package dev.drill;

import dev.drill.config.StartupChecks;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Drill's entry point: a Discord bot that runs a daily backend-interview question for a team. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DrillApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(DrillApplication.class);
        application.addListeners(new StartupChecks());
        application.run(args);
    }

    /** The one source of time; tests and the playground register a movable clock instead. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
