package dev.drill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MutableClockTests {

    @Test
    @DisplayName("the clock stands still until it is set or advanced, always in UTC")
    void movesOnlyWhenTold() {
        // GIVEN a clock at a fixed instant
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

        // WHEN it is advanced, then set
        Instant advanced = clock.advance(Duration.ofHours(25));
        Instant afterAdvance = clock.instant();
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));

        // THEN it reports exactly those instants
        assertThat(advanced).isEqualTo(Instant.parse("2026-12-02T09:00:00Z")).isEqualTo(afterAdvance);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
