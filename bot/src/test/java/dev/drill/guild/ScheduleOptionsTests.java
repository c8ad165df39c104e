package dev.drill.guild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drill.content.Level;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Setup options")
class ScheduleOptionsTests {

    @Test
    @DisplayName("times are 24-hour HH:mm; anything else says what is accepted")
    void time() {
        assertThat(ScheduleOptions.time("09:00")).isEqualTo(LocalTime.of(9, 0));
        assertThat(ScheduleOptions.time("9:05")).isEqualTo(LocalTime.of(9, 5));
        assertThatThrownBy(() -> ScheduleOptions.time("9am")).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> ScheduleOptions.time("25:00")).hasMessageContaining("`25:00` is not a time");
    }

    @Test
    @DisplayName("zones are IANA names; offsets and typos are refused")
    void zone() {
        assertThat(ScheduleOptions.zone("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThatThrownBy(() -> ScheduleOptions.zone("Europe/Berlim")).hasMessageContaining("IANA");
        assertThatThrownBy(() -> ScheduleOptions.zone("+01:00")).hasMessageContaining("IANA");
    }

    @Test
    @DisplayName("days take daily, mon-fri or a list; the default is mon-fri")
    void days() {
        assertThat(ScheduleOptions.days(null)).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(ScheduleOptions.days("daily")).hasSize(7);
        assertThat(ScheduleOptions.days("mon,wed,fri"))
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(ScheduleOptions.days("Tuesday, thu"))
                .containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        assertThatThrownBy(() -> ScheduleOptions.days("mon,funday")).hasMessageContaining("mon,wed,fri");
    }

    @Test
    @DisplayName("levels take all or a list, kept in the given order")
    void levels() {
        assertThat(ScheduleOptions.levels("all")).containsExactly(Level.values());
        assertThat(ScheduleOptions.levels("experienced,fresher")).containsExactly(Level.EXPERIENCED, Level.FRESHER);
        assertThatThrownBy(() -> ScheduleOptions.levels("senior"))
                .hasMessageContaining("fresher,intermediate,experienced");
    }
}
