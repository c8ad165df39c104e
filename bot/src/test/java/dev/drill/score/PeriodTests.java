package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    @DisplayName("2026-12-31 and 2027-01-01 share ISO week 2026-W53 but not the month")
    void yearEnd() {
        assertThat(Period.of(LocalDate.parse("2026-12-31"))).isEqualTo(new Period("2026-W53", "2026-12"));
        assertThat(Period.of(LocalDate.parse("2027-01-01"))).isEqualTo(new Period("2026-W53", "2027-01"));
    }

    @Test
    @DisplayName("the first Monday of 2027 starts week 2027-W01, zero-padded")
    void firstWeek() {
        assertThat(Period.of(LocalDate.parse("2027-01-04")).week()).isEqualTo("2027-W01");
    }

    @Test
    @DisplayName("the week is the guild's: Sunday evening in UTC is already Monday of the next week in Auckland")
    void zoneDecides() {
        // GIVEN Sunday 2027-01-03 20:00 UTC, which is Monday 2027-01-04 09:00 in Auckland
        Instant instant = Instant.parse("2027-01-03T20:00:00Z");

        // WHEN the periods are read in each zone
        Period utc = Period.at(instant, ZoneId.of("UTC"));
        Period auckland = Period.at(instant, ZoneId.of("Pacific/Auckland"));

        // THEN the UTC week is the old one and Auckland's the new one
        assertThat(utc.week()).isEqualTo("2026-W53");
        assertThat(auckland.week()).isEqualTo("2027-W01");
    }

    @Test
    @DisplayName("the month is the guild's too: New Year's Eve 12:30 UTC is already January in Auckland")
    void monthByZone() {
        Instant instant = Instant.parse("2026-12-31T12:30:00Z");

        assertThat(Period.at(instant, ZoneId.of("UTC")).month()).isEqualTo("2026-12");
        assertThat(Period.at(instant, ZoneId.of("Pacific/Auckland")).month()).isEqualTo("2027-01");
    }
}
