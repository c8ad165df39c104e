package dev.drill.discord;

import dev.drill.ops.DrillMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * Measures each interaction from the moment Drill received it to Discord's answer to its first response
 * (reply, deferral or modal), whichever command sends it and however: it watches the callback request on
 * JDA's HTTP client. Member-visible latency is what matters, and Discord allows three seconds.
 */
@Component
final class InteractionTimer implements Interceptor {

    private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/[^/]+/callback");
    /** An interaction never answered (a bug elsewhere) is forgotten after this, so the map stays small. */
    private static final long FORGET_NANOS = Duration.ofMinutes(15).toNanos();

    private record Received(String command, long nanos) {}

    private final DrillMetrics metrics;
    private final Map<Long, Received> pending = new ConcurrentHashMap<>();

    InteractionTimer(DrillMetrics metrics) {
        this.metrics = metrics;
    }

    void received(long interactionId, String command) {
        long now = System.nanoTime();
        if (pending.size() > 1_000) {
            for (Iterator<Received> it = pending.values().iterator(); it.hasNext(); ) {
                if (now - it.next().nanos() > FORGET_NANOS) {
                    it.remove();
                }
            }
        }
        pending.put(interactionId, new Received(command, now));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Matcher callback = CALLBACK.matcher(chain.request().url().encodedPath());
        if (!callback.find()) {
            return chain.proceed(chain.request());
        }
        Received received = pending.remove(Long.parseLong(callback.group(1)));
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            record(received, "error");
            throw e;
        }
        record(received, response.isSuccessful() ? "ok" : "error");
        return response;
    }

    private void record(Received received, String outcome) {
        if (received != null) {
            metrics.interaction(received.command(), outcome, Duration.ofNanos(System.nanoTime() - received.nanos()));
        }
    }
}
