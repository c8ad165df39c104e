package dev.drill.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Drill's Lua scripts, one file each under {@code resources/redis/}, with its KEYS/ARGV contract and what it
 * guarantees in its header. Spring sends each as EVALSHA after its first use.
 */
public final class LuaScripts {

    private LuaScripts() {}

    /** The script {@code redis/<name>}, returning {@code type}. */
    public static <T> RedisScript<T> of(String name, Class<T> type) {
        return RedisScript.of(read(name), type);
    }

    /**
     * The script {@code redis/<name>} with the library {@code redis/<library>} prepended: shared helpers,
     * and still one script, so one atomic EVALSHA.
     */
    public static <T> RedisScript<T> withLibrary(String library, String name, Class<T> type) {
        return RedisScript.of(read(library) + "\n" + read(name), type);
    }

    static String read(String name) {
        try (InputStream in = LuaScripts.class.getResourceAsStream("/redis/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing Lua script redis/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
