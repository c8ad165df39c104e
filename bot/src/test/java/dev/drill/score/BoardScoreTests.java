package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoardScoreTests {

    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    @DisplayName("with equal points, whoever reached them first ranks higher")
    void tieGoesToEarlier() {
        double early = BoardScore.encode(25, T);
        double late = BoardScore.encode(25, T.plusSeconds(1));

        assertThat(early).isGreaterThan(late);
    }

    @Test
    @DisplayName("one more point beats any arrival time")
    void pointsFirst() {
        double more = BoardScore.encode(26, T.plus(Duration.ofDays(3000)));
        double fewer = BoardScore.encode(25, Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(more).isGreaterThan(fewer);
    }

    @Test
    @DisplayName("the points read back exactly, even for large totals")
    void decode() {
        assertThat(BoardScore.points(BoardScore.encode(25, T))).isEqualTo(25);
        assertThat(BoardScore.points(BoardScore.encode(123_456, T))).isEqualTo(123_456);
    }
}
