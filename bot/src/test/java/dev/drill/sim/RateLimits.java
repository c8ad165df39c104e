package dev.drill.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord's REST rate limits, by the wall clock (a rate limit is about real time, not the simulated clock):
 * the global limit of 50 requests in any second per bot (interaction callbacks and follow-ups on an
 * interaction token exempt), and per-route buckets keyed by route and major parameter (channel, guild, webhook)
 * with the X-RateLimit-* headers Discord sends on every answer. Off unless switched on; the counters run
 * either way. One lock: the decision and the bookkeeping of a request are one step.
 */
final class RateLimits {

    /** Discord's global limit: requests per second per bot token. */
    static final int GLOBAL_PER_SECOND = 50;

    private static final long SECOND_MILLIS = 1000;

    /** A route's limit: {@code limit} requests per {@code windowMillis}, counted from the window's first request. */
    record Limit(int limit, long windowMillis) {}

    /** Discord's documented or observed limits for the routes the simulator serves; other routes get the default. */
    private static final Map<String, Limit> LIMITS = Map.ofEntries(
            Map.entry("create_message", new Limit(5, 5_000)),
            Map.entry("update_message", new Limit(5, 5_000)),
            Map.entry("delete_message", new Limit(5, 1_000)),
            Map.entry("create_thread_from_message", new Limit(5, 5_000)),
            Map.entry("update_channel", new Limit(5, 5_000)),
            Map.entry("get_channel", new Limit(5, 1_000)),
            Map.entry("list_messages", new Limit(5, 1_000)),
            Map.entry("get_message", new Limit(5, 1_000)),
            Map.entry("list_message_reactions_by_emoji", new Limit(5, 1_000)),
            // One reaction per quarter second per channel, as Discord's famous 1/0.25 s.
            Map.entry("add_my_message_reaction", new Limit(1, 250)),
            Map.entry("delete_my_message_reaction", new Limit(1, 250)),
            Map.entry("create_interaction_response", new Limit(5, 5_000)),
            Map.entry("execute_webhook", new Limit(5, 2_000)));

    private static final Limit DEFAULT_LIMIT = new Limit(5, 5_000);

    /** Routes that share a bucket on Discord answer the same X-RateLimit-Bucket. */
    private static final Map<String, String> SHARED_BUCKETS = Map.of(
            "add_my_message_reaction", "reactions",
            "delete_my_message_reaction", "reactions",
            "get_original_webhook_message", "webhook_message",
            "update_original_webhook_message", "webhook_message",
            "delete_original_webhook_message", "webhook_message",
            "get_webhook_message", "webhook_message",
            "update_webhook_message", "webhook_message",
            "delete_webhook_message", "webhook_message");

    /** What the limiter says about one request: go ahead (with headers) or 429 (with headers and body). */
    record Decision(boolean allowed, boolean global, Map<String, String> headers, ObjectNode body) {}

    private static final class Bucket {
        final Limit limit;
        long windowStart;
        long resetAt;
        int used;

        Bucket(Limit limit) {
            this.limit = limit;
        }
    }

    /** The wall clock in epoch millis; a test of the headers may freeze it. */
    private volatile LongSupplier wallMillis;

    private final String applicationId;
    private volatile boolean enabled;

    // Guarded by this.
    private final Map<String, Bucket> buckets = new HashMap<>();
    /** The accepted global-bound requests of the last second (wall millis), oldest first. */
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    /** Every accepted global-bound request's wall time, for the peak-per-second figure. */
    private final List<Long> accepted = new ArrayList<>();

    private final Map<String, Long> received = new TreeMap<>();
    private long globalLimited;
    private long routeLimited;
    private final Map<String, Long> limitedByRoute = new TreeMap<>();

    RateLimits(String applicationId, LongSupplier wallMillis) {
        this.applicationId = applicationId;
        this.wallMillis = wallMillis;
    }

    void wallClock(LongSupplier millis) {
        wallMillis = millis;
    }

    void enabled(boolean on) {
        enabled = on;
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * Counts the request and decides on it. {@code route} is e.g. "POST /channels/{channel_id}/messages",
     * {@code params} its path parameters.
     */
    synchronized Decision decide(String operationId, String route, Map<String, String> params) {
        received.merge(route, 1L, Long::sum);
        boolean exempt = exemptFromGlobal(operationId, params);
        long now = wallMillis.getAsLong();
        if (!enabled) {
            if (!exempt) {
                accepted.add(now);
            }
            return new Decision(true, false, Map.of(), null);
        }
        if (!exempt) {
            while (!lastSecond.isEmpty() && lastSecond.peekFirst() <= now - SECOND_MILLIS) {
                lastSecond.removeFirst();
            }
            if (lastSecond.size() >= GLOBAL_PER_SECOND) {
                globalLimited++;
                limitedByRoute.merge(route, 1L, Long::sum);
                long retryAfter = lastSecond.peekFirst() + SECOND_MILLIS - now;
                return globalLimit(retryAfter);
            }
        }
        Limit limit = LIMITS.getOrDefault(operationId, DEFAULT_LIMIT);
        String hash = bucketHash(SHARED_BUCKETS.getOrDefault(operationId, operationId));
        Bucket bucket = buckets.computeIfAbsent(hash + ":" + majorParameter(params), k -> new Bucket(limit));
        if (bucket.resetAt <= now) {
            bucket.windowStart = now;
            bucket.resetAt = now + limit.windowMillis();
            bucket.used = 0;
        }
        if (bucket.used >= limit.limit()) {
            routeLimited++;
            limitedByRoute.merge(route, 1L, Long::sum);
            return routeLimit(bucket, hash, now);
        }
        bucket.used++;
        if (!exempt) {
            lastSecond.addLast(now);
            accepted.add(now);
        }
        return new Decision(true, false, bucketHeaders(bucket, hash, now), null);
    }

    /** Interaction callbacks, and webhooks on an interaction token (the application's id), skip the global limit. */
    private boolean exemptFromGlobal(String operationId, Map<String, String> params) {
        if (operationId.equals("create_interaction_response")) {
            return true;
        }
        String webhook = params.get("webhook_id");
        return webhook != null && webhook.equals(applicationId) && params.containsKey("webhook_token");
    }

    /** Discord's major parameters: a channel, guild or webhook (id and token) splits a route into buckets. */
    private static String majorParameter(Map<String, String> params) {
        if (params.containsKey("channel_id")) {
            return "c" + params.get("channel_id");
        }
        if (params.containsKey("guild_id")) {
            return "g" + params.get("guild_id");
        }
        if (params.containsKey("webhook_id")) {
            return "w" + params.get("webhook_id") + "/" + params.getOrDefault("webhook_token", "");
        }
        if (params.containsKey("interaction_id")) {
            return "i" + params.get("interaction_id") + "/" + params.getOrDefault("interaction_token", "");
        }
        return "-";
    }

    private Decision globalLimit(long retryAfterMillis) {
        Map<String, String> headers = new LinkedHashMap<>();
        // JDA reads Retry-After as whole seconds; Discord rounds it up.
        headers.put("Retry-After", Long.toString(Math.max(1, (retryAfterMillis + 999) / 1000)));
        headers.put("X-RateLimit-Global", "true");
        headers.put("X-RateLimit-Scope", "global");
        headers.put("via", "1.1 google");
        return new Decision(false, true, headers, body(retryAfterMillis, true));
    }

    private Decision routeLimit(Bucket bucket, String hash, long now) {
        long retryAfter = bucket.resetAt - now;
        Map<String, String> headers = new LinkedHashMap<>(bucketHeaders(bucket, hash, now));
        headers.put("Retry-After", Long.toString(Math.max(1, (retryAfter + 999) / 1000)));
        headers.put("X-RateLimit-Scope", "user");
        // Without "via", JDA takes a 429 for a Cloudflare ban rather than Discord's rate limit.
        headers.put("via", "1.1 google");
        return new Decision(false, false, headers, body(retryAfter, false));
    }

    private static Map<String, String> bucketHeaders(Bucket bucket, String hash, long now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(bucket.limit.limit()));
        headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, bucket.limit.limit() - bucket.used)));
        headers.put("X-RateLimit-Reset", seconds(bucket.resetAt));
        headers.put("X-RateLimit-Reset-After", seconds(bucket.resetAt - now));
        headers.put("X-RateLimit-Bucket", hash);
        return headers;
    }

    private static ObjectNode body(long retryAfterMillis, boolean global) {
        ObjectNode body = Json.object();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", retryAfterMillis / 1000.0);
        body.put("global", global);
        return body;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** An opaque hash per route (or shared group), the same for every major parameter, as Discord's. */
    private static String bucketHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- counters

    synchronized Map<String, Long> received() {
        return new TreeMap<>(received);
    }

    synchronized long globalLimited() {
        return globalLimited;
    }

    synchronized long routeLimited() {
        return routeLimited;
    }

    synchronized Map<String, Long> limitedByRoute() {
        return new TreeMap<>(limitedByRoute);
    }

    /** The most global-bound requests let through in any one-second window (wall clock) since the last reset. */
    synchronized int peakPerSecond() {
        int peak = 0;
        int start = 0;
        for (int end = 0; end < accepted.size(); end++) {
            while (accepted.get(end) - accepted.get(start) >= SECOND_MILLIS) {
                start++;
            }
            peak = Math.max(peak, end - start + 1);
        }
        return peak;
    }

    synchronized void resetCounters() {
        received.clear();
        globalLimited = 0;
        routeLimited = 0;
        limitedByRoute.clear();
        accepted.clear();
    }
}
