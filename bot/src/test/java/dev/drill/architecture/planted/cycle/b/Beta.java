package dev.drill.architecture.planted.cycle.b;

import dev.drill.architecture.planted.cycle.a.Alpha;

/** Planted: the other half of a package cycle (b → a). */
public final class Beta {

    public Alpha partner() {
        return new Alpha();
    }
}
