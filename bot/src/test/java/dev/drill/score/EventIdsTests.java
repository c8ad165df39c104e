package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventIdsTests {

    private static final long MESSAGE = 1_446_000_000_000_000_123L;

    @Test
    @DisplayName("create, delete, edit and answered ids are all different integers, in disjoint ranges")
    void distinctIntegers() {
        String created = EventIds.created(MESSAGE);
        String deleted = EventIds.deleted(MESSAGE);
        String edited = EventIds.edited(MESSAGE, 1_700_000_000_000L);

        assertThat(Long.parseLong(created)).isPositive();
        assertThat(Long.parseLong(deleted)).isNegative().isGreaterThan(-(1L << 62));
        assertThat(Long.parseLong(edited)).isLessThan(-(1L << 62));
        assertThat(Long.parseLong(EventIds.answered(MESSAGE))).isGreaterThanOrEqualTo(1L << 62);
        assertThat(EventIds.answered(MESSAGE)).isNotEqualTo(created);
    }

    @Test
    @DisplayName("the same edit gets the same id; two edits of one message do not")
    void editsStableAndDistinct() {
        assertThat(EventIds.edited(MESSAGE, 1000)).isEqualTo(EventIds.edited(MESSAGE, 1000));
        assertThat(EventIds.edited(MESSAGE, 1000)).isNotEqualTo(EventIds.edited(MESSAGE, 1001));
        assertThat(EventIds.edited(MESSAGE, 1000)).isNotEqualTo(EventIds.edited(MESSAGE + 1, 1000));
    }
}
