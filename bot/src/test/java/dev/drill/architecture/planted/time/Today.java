package dev.drill.architecture.planted.time;

import java.time.LocalDate;

/** Planted: reads the system clock instead of the injected Clock. */
public final class Today {

    public LocalDate date() {
        return LocalDate.now();
    }
}
