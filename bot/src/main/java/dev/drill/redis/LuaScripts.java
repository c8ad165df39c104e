package dev.drill.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.data.redis.connection.RedisScriptingCommands;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
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
    public static Script script(String library, String name) {
        return new Script(name, read(library) + "\n" + read(name));
    }

    /**
     * A script on the busiest path (every answer, edit, vote), called with less client work than {@code
     * RedisTemplate.execute(RedisScript, …)}: its SHA1 and body are computed once, keys and arguments are
     * encoded straight to UTF-8, and the connection is used as it is rather than through the per-call proxy
     * Spring builds to keep callbacks from closing it. Still one EVALSHA (EVAL when the server does not know
     * the script yet), through the same template, connection and exception translation, so the retry queue
     * sees the same failures and a Redis Cluster routes it by its first key as before.
     */
    public static final class Script {

        private final String name;
        private final String sha1;
        private final byte[] body;

        private Script(String name, String text) {
            this.name = name;
            this.sha1 = RedisScript.of(text).getSha1();
            this.body = text.getBytes(StandardCharsets.UTF_8);
        }

        public String name() {
            return name;
        }

        /** Runs the script; its reply as text (such a script answers a status word, e.g. {@code recorded}). */
        public String call(StringRedisTemplate redis, List<String> keys, List<String> args) {
            int numKeys = keys.size();
            byte[][] keysAndArgs = new byte[numKeys + args.size()][];
            int i = 0;
            for (String key : keys) {
                keysAndArgs[i++] = key.getBytes(StandardCharsets.UTF_8);
            }
            for (String arg : args) {
                keysAndArgs[i++] = arg.getBytes(StandardCharsets.UTF_8);
            }
            Object reply = redis.execute(
                    (RedisCallback<Object>) connection -> {
                        RedisScriptingCommands scripts = connection.scriptingCommands();
                        try {
                            return scripts.evalSha(sha1, ReturnType.VALUE, numKeys, keysAndArgs);
                        } catch (RuntimeException e) {
                            if (!noScript(e)) {
                                throw e;
                            }
                            // A restarted or new server (or another cluster node) has not seen it yet.
                            return scripts.eval(body, ReturnType.VALUE, numKeys, keysAndArgs);
                        }
                    },
                    true);
            if (reply instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            return reply == null ? null : reply.toString();
        }

        private static boolean noScript(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String message = t.getMessage();
                if (message != null && message.contains("NOSCRIPT")) {
                    return true;
                }
            }
            return false;
        }
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
