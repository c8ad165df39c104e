package dev.drill;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Drill's entry point: a Discord bot that runs a daily backend-interview question for a team. */
@SpringBootApplication
public class DrillApplication {

    public static void main(String[] args) {
        SpringApplication.run(DrillApplication.class, args);
    }
}
