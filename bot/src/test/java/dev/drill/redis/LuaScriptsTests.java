package dev.drill.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;

/** The lean script call of the answer path: one EVALSHA, and EVAL when the server has not seen the script. */
@DisplayName("Lua scripts: the hot path's call")
class LuaScriptsTests {

    private static RedisFixture redis;

    @BeforeAll
    static void start() {
        redis = RedisFixture.startInTempDir(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    @DisplayName("a script the server forgot (restart, SCRIPT FLUSH, a new cluster node) is sent whole and runs")
    void runsAfterTheServerForgotIt() {
        // The award script on an answer that is not there: it answers 'none' and writes nothing.
        LuaScripts.Script script = LuaScripts.script("score-lib.lua", "answer-award.lua");
        List<String> keys = List.of(
                Keys.answers(5, "2026-12-01"),
                Keys.member(5, 7),
                Keys.boardAllTime(5),
                Keys.boardWeek(5, "2026-W49"),
                Keys.boardMonth(5, "2026-12"));
        List<String> args = List.of("123", "7", "5", "1");

        assertThat(script.call(redis.template(), keys, args)).isEqualTo("none");
        redis.template().execute((RedisCallback<Object>) c -> {
            c.scriptingCommands().scriptFlush();
            return null;
        });
        assertThat(script.call(redis.template(), keys, args)).isEqualTo("none");
    }

    @Test
    @DisplayName("an error the script raises reaches the caller as Spring's exception, as the retry queue expects")
    void errorsAreTranslated() {
        redis.template().opsForValue().set(Keys.answers(6, "2026-12-01"), "not a hash");
        LuaScripts.Script script = LuaScripts.script("score-lib.lua", "answer-award.lua");
        List<String> keys = List.of(
                Keys.answers(6, "2026-12-01"),
                Keys.member(6, 7),
                Keys.boardAllTime(6),
                Keys.boardWeek(6, "2026-W49"),
                Keys.boardMonth(6, "2026-12"));

        assertThatThrownBy(() -> script.call(redis.template(), keys, List.of("123", "7", "5", "1")))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("WRONGTYPE");
    }
}
