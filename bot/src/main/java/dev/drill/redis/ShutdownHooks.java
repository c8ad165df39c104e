package dev.drill.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a running embedded Redis registers its graceful stop for the JVM's exit, and takes it back when it is
 * stopped before. Removing while the JVM is already shutting down is allowed and does nothing.
 */
interface ShutdownHooks {

    void add(Runnable stop);

    void remove(Runnable stop);

    /** A JVM shutdown hook of its own: for a server no application context owns (tests, the playground). */
    static ShutdownHooks jvm() {
        return new ShutdownHooks() {
            private final Map<Runnable, Thread> hooks = new ConcurrentHashMap<>();

            @Override
            public void add(Runnable stop) {
                Thread hook = new Thread(stop, "embedded-redis-shutdown");
                if (hooks.putIfAbsent(stop, hook) == null) {
                    Runtime.getRuntime().addShutdownHook(hook);
                }
            }

            @Override
            public void remove(Runnable stop) {
                Thread hook = hooks.remove(stop);
                if (hook == null || hook == Thread.currentThread()) {
                    return;
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is exiting: the hook runs (or ran) and finds the server stopped.
                }
            }
        };
    }
}
