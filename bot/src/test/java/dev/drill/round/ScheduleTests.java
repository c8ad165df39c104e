package dev.drill.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A guild's schedule")
class ScheduleTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Schedule weekdays(String time, ZoneId zone) {
        return new Schedule(LocalTime.parse(time), zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    private static Schedule daily(String time, ZoneId zone) {
        return new Schedule(LocalTime.parse(time), zone, EnumSet.allOf(DayOfWeek.class));
    }

    @Nested
    @DisplayName("in a time zone")
    class Zones {

        @Test
        @DisplayName("09:00 Berlin is 08:00 UTC in winter and 07:00 UTC in summer")
        void localTime() {
            Schedule schedule = daily("09:00", BERLIN);

            assertThat(schedule.openingOn(LocalDate.parse("2026-12-01")))
                    .contains(Instant.parse("2026-12-01T08:00:00Z"));
            assertThat(schedule.openingOn(LocalDate.parse("2026-07-01")))
                    .contains(Instant.parse("2026-07-01T07:00:00Z"));
        }

        @Test
        @DisplayName("the next opening is strictly after the given instant")
        void nextIsStrictlyAfter() {
            Schedule schedule = daily("09:00", BERLIN);

            assertThat(schedule.nextOpening(Instant.parse("2026-12-01T08:00:00Z")))
                    .isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
            assertThat(schedule.nextOpening(Instant.parse("2026-12-01T07:59:59Z")))
                    .isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        }

        @Test
        @DisplayName("the round id is the guild-local date, even when UTC is already the next day")
        void roundIdIsLocalDate() {
            Schedule schedule = daily("21:30", NEW_YORK);
            Instant opening = schedule.nextOpening(Instant.parse("2026-12-01T12:00:00Z"));

            assertThat(opening).isEqualTo(Instant.parse("2026-12-02T02:30:00Z"));
            assertThat(schedule.dateOf(opening)).isEqualTo(LocalDate.parse("2026-12-01"));
        }
    }

    @Nested
    @DisplayName("at daylight-saving changes")
    class DaylightSaving {

        @Test
        @DisplayName("a time the clock jumps over fires shifted forward by the gap (02:30 → 03:30)")
        void gap() {
            Schedule schedule = daily("02:30", BERLIN);

            // 2027-03-28: Berlin jumps from 02:00 to 03:00 local
            assertThat(schedule.openingOn(LocalDate.parse("2027-03-28")))
                    .contains(Instant.parse("2027-03-28T01:30:00Z")); // 03:30 CEST
        }

        @Test
        @DisplayName("a time that exists twice fires once, at the first of the two")
        void overlap() {
            Schedule schedule = daily("02:30", BERLIN);
            Instant first = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST

            assertThat(schedule.openingOn(LocalDate.parse("2026-10-25"))).contains(first);
            assertThat(schedule.nextOpening(first)).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
        }

        @Test
        @DisplayName("09:00 stays 09:00 local across the last Sunday of March")
        void nineStaysNine() {
            Schedule schedule = daily("09:00", BERLIN);

            assertThat(schedule.openingOn(LocalDate.parse("2027-03-27")))
                    .contains(Instant.parse("2027-03-27T08:00:00Z"));
            assertThat(schedule.openingOn(LocalDate.parse("2027-03-28")))
                    .contains(Instant.parse("2027-03-28T07:00:00Z"));
        }
    }

    @Nested
    @DisplayName("on its days")
    class Days {

        @Test
        @DisplayName("mon-fri skips the weekend: Friday's next opening is Monday")
        void weekend() {
            Schedule schedule = weekdays("09:00", BERLIN);
            Instant friday = Instant.parse("2026-12-04T08:00:00Z");

            assertThat(schedule.nextOpening(friday)).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
            assertThat(schedule.openingOn(LocalDate.parse("2026-12-05"))).isEmpty();
        }

        @Test
        @DisplayName("a round closes when the next one opens: Friday's round closes on Monday")
        void closesAtNextOpening() {
            Schedule schedule = weekdays("09:00", BERLIN);
            Instant friday = Instant.parse("2026-12-04T08:00:00Z");

            assertThat(schedule.closeOf(LocalDate.parse("2026-12-04"), friday))
                    .isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        }

        @Test
        @DisplayName("a weekly round closes after at most 7 days")
        void windowIsCapped() {
            Schedule schedule = new Schedule(LocalTime.parse("09:00"), BERLIN, EnumSet.of(DayOfWeek.MONDAY));
            Instant monday = Instant.parse("2026-12-07T10:00:00Z"); // posted late, at 11:00 local

            assertThat(schedule.closeOf(LocalDate.parse("2026-12-07"), monday))
                    .isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));
            assertThat(schedule.closeOf(LocalDate.parse("2026-12-07"), Instant.parse("2026-12-07T08:00:00Z")))
                    .isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));
        }

        @Test
        @DisplayName("a round posted by hand before today's time closes at the next day's opening")
        void postNowBeforeTime() {
            Schedule schedule = daily("09:00", BERLIN);
            Instant early = Instant.parse("2026-12-01T06:00:00Z");

            assertThat(schedule.closeOf(LocalDate.parse("2026-12-01"), early))
                    .isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        }

        @Test
        @DisplayName("the latest opening at or before now finds today's, or the last scheduled day's")
        void latest() {
            Schedule schedule = weekdays("09:00", BERLIN);

            assertThat(schedule.latestOpeningAtOrBefore(Instant.parse("2026-12-01T08:40:00Z")))
                    .contains(Instant.parse("2026-12-01T08:00:00Z"));
            assertThat(schedule.latestOpeningAtOrBefore(Instant.parse("2026-12-06T12:00:00Z")))
                    .contains(Instant.parse("2026-12-04T08:00:00Z"));
        }
    }
}
