package dev.drill.sim;

import java.time.Duration;

/** A failure the simulator answers on demand instead of doing the request: 429, 5xx or 403. */
public record RestFault(int status, int code, String message, long retryAfterSeconds) {

    /** A per-route 429 with whole-second Retry-After, as Discord sends (JDA waits it out and retries). */
    public static RestFault rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new RestFault(429, 0, "You are being rate limited.", seconds);
    }

    /** A server error; JDA retries 502 and 504 (and other 5xx) a few times before it gives up. */
    public static RestFault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a 5xx status: " + status);
        }
        return new RestFault(status, 0, status + ": Server Error", 0);
    }

    public static RestFault missingPermissions() {
        return new RestFault(403, 50013, "Missing Permissions", 0);
    }
}
