package dev.drill.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/** A JDA listener for tests: keeps every event JDA fires, lets a test await one, and runs per-type handlers. */
final class EventRecorder implements EventListener {

    private final List<GenericEvent> events = new ArrayList<>();
    private final Map<Class<?>, Consumer<GenericEvent>> handlers = new ConcurrentHashMap<>();

    @Override
    public void onEvent(GenericEvent event) {
        handlers.forEach((type, handler) -> {
            if (type.isInstance(event)) {
                handler.accept(event);
            }
        });
        synchronized (this) {
            events.add(event);
            notifyAll();
        }
    }

    /** Sets what the "bot" does on events of a type (replacing an earlier handler of that type). */
    <T extends GenericEvent> void on(Class<T> type, Consumer<T> handler) {
        handlers.put(type, event -> handler.accept(type.cast(event)));
    }

    synchronized <T extends GenericEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized <T extends GenericEvent> T await(Class<T> type, Predicate<T> predicate, Duration timeout) {
        return awaitAll(type, predicate, 1, timeout).get(0);
    }

    /** Waits until JDA has fired at least {@code count} matching events, and returns them. */
    synchronized <T extends GenericEvent> List<T> awaitAll(
            Class<T> type, Predicate<T> predicate, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> matching = all(type).stream().filter(predicate).toList();
            if (matching.size() >= count) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("JDA fired " + matching.size() + " matching " + type.getSimpleName() + ", not "
                        + count + ", within " + timeout);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
