package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointsRulesTests {

    private final PointsRules rules = PointsRules.DEFAULTS;

    @Test
    @DisplayName(
            "the defaults are the issue's numbers: +10 answer, +1/round streak up to +5, +1/vote up to +5, +5 award, 40 chars")
    void defaults() {
        assertThat(rules).isEqualTo(new PointsRules(10, 1, 5, 1, 5, 5, 40));
    }

    @Test
    @DisplayName("the first round of a streak earns no bonus, each further round +1")
    void streakBonusGrows() {
        assertThat(rules.streakBonus(1)).isZero();
        assertThat(rules.streakBonus(2)).isEqualTo(1);
        assertThat(rules.streakBonus(4)).isEqualTo(3);
    }

    @Test
    @DisplayName("the streak bonus stops at +5")
    void streakBonusCapped() {
        assertThat(rules.streakBonus(6)).isEqualTo(5);
        assertThat(rules.streakBonus(100)).isEqualTo(5);
    }

    @Test
    @DisplayName("votes earn +1 each, at most +5 per answer")
    void votePointsCapped() {
        assertThat(rules.votePoints(0)).isZero();
        assertThat(rules.votePoints(3)).isEqualTo(3);
        assertThat(rules.votePoints(5)).isEqualTo(5);
        assertThat(rules.votePoints(9)).isEqualTo(5);
    }

    @Test
    @DisplayName("a setting with negative points is refused")
    void negativeRefused() {
        assertThatThrownBy(() -> new PointsRules(-1, 1, 5, 1, 5, 5, 40)).isInstanceOf(IllegalArgumentException.class);
    }
}
