package dev.drill.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("drill.discord.shards.*: the shards a process runs, checked at start-up")
class ShardSettingsTests {

    @Test
    @DisplayName("unset: Discord's recommended count, all of it here")
    void defaults() {
        assertThat(new ShardSettings(null, null).mineOrAll()).isEmpty();
        assertThat(new ShardSettings(4, null).mineOrAll()).containsExactly(0, 1, 2, 3);
    }

    @Test
    @DisplayName("ids and ranges: 0-3, 0,2, 1-2,5")
    void idsAndRanges() {
        assertThat(new ShardSettings(8, "0-3").mineOrAll()).containsExactly(0, 1, 2, 3);
        assertThat(new ShardSettings(8, "0,2").mineOrAll()).containsExactly(0, 2);
        assertThat(new ShardSettings(8, " 5, 1-2 ").mineOrAll()).containsExactly(1, 2, 5);
    }

    @Test
    @DisplayName("a shard outside 0..total-1, a bad list, mine without total or a total below 1 stop start-up")
    void refusals() {
        assertThatThrownBy(() -> new ShardSettings(2, "1-2"))
                .hasMessage("drill.discord.shards.mine (1-2) names shard 2, outside 0..1 of"
                        + " drill.discord.shards.total=2");
        assertThatThrownBy(() -> new ShardSettings(2, "one"))
                .hasMessageContaining("is not a list of shard ids and ranges such as 0-3 or 0,2: 'one'");
        assertThatThrownBy(() -> new ShardSettings(4, "3-1")).hasMessageContaining("'3-1'");
        assertThatThrownBy(() -> new ShardSettings(null, "0"))
                .hasMessageContaining("drill.discord.shards.mine (0) needs drill.discord.shards.total");
        assertThatThrownBy(() -> new ShardSettings(0, null)).hasMessageContaining("must be at least 1");
    }
}
