package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreakStateTests {

    @Test
    @DisplayName("a first answer starts a streak of 1")
    void firstAnswer() {
        assertThat(StreakState.NONE.after(7)).isEqualTo(new StreakState(7, 1, 1));
    }

    @Test
    @DisplayName("Friday's round (seq 5) then Monday's (seq 6) continue the streak: rounds count, not days")
    void weekendDoesNotBreak() {
        // GIVEN a member who answered Wednesday, Thursday and Friday (seq 3, 4, 5)
        StreakState friday = StreakState.NONE.after(3).after(4).after(5);

        // WHEN they answer Monday's round, the next round of the guild
        StreakState monday = friday.after(6);

        // THEN the streak goes on
        assertThat(monday.streak()).isEqualTo(4);
        assertThat(monday.best()).isEqualTo(4);
    }

    @Test
    @DisplayName("skipping a round breaks the streak but keeps the best")
    void gapBreaks() {
        StreakState state = StreakState.NONE.after(1).after(2).after(3);

        StreakState after = state.after(5);

        assertThat(after.streak()).isEqualTo(1);
        assertThat(after.best()).isEqualTo(3);
    }

    @Test
    @DisplayName("the current streak holds while the latest closed round was answered and the next is open")
    void currentWhileNextOpen() {
        StreakState state = new StreakState(9, 4, 6);

        assertThat(state.current(Optional.of(round(10, true)))).isEqualTo(4);
        assertThat(state.current(Optional.of(round(9, false)))).isEqualTo(4);
    }

    @Test
    @DisplayName("the current streak is 0 once the member missed the guild's latest closed round")
    void currentZeroAfterMiss() {
        StreakState state = new StreakState(9, 4, 6);

        assertThat(state.current(Optional.of(round(10, false)))).isZero();
        assertThat(state.current(Optional.of(round(11, true)))).isZero();
    }

    @Test
    @DisplayName("a member who never answered has no current streak")
    void neverAnswered() {
        assertThat(StreakState.NONE.current(Optional.of(round(3, true)))).isZero();
        assertThat(StreakState.NONE.current(Optional.empty())).isZero();
    }

    private static RoundRef round(long seq, boolean open) {
        return new RoundRef(1, "2026-12-0" + (seq % 9 + 1), seq, 2, 3, "q", ZoneId.of("UTC"), Instant.EPOCH, open);
    }
}
