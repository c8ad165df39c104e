package dev.drill.architecture.planted.cycle.a;

import dev.drill.architecture.planted.cycle.b.Beta;

/** Planted: half of a package cycle (a → b). */
public final class Alpha {

    public Beta partner() {
        return new Beta();
    }
}
