package dev.drill.redis;

import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * A malformed Redis URL stops start-up with a sentence that names the setting and shows the URL without
 * its password. Boot's own report prints the URL whole, and a URL with a password is a secret; this
 * analyzer runs before Boot's.
 */
public final class RedisUrlFailureAnalyzer implements FailureAnalyzer, Ordered {

    /** Boot's exception for a URL it cannot parse (package-private there, so known by name). */
    private static final String URL_SYNTAX = "DataRedisUrlSyntaxException";

    /** The user-info of a URL ({@code user:password@}), however broken the rest of the URL is. */
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/@\\s]*@");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals(URL_SYNTAX)) {
                return new FailureAnalysis(
                        "The Redis URL (REDIS_URL or spring.data.redis.url) is not valid: "
                                + redact(urlIn(cause.getMessage())) + ".",
                        "Use redis://[user:password@]host:port[/database], or rediss:// for TLS.",
                        null);
            }
        }
        return null;
    }

    /** Boot's message quotes the URL: take what is between the first and last quote. */
    private static String urlIn(String message) {
        if (message == null) {
            return "(unreadable)";
        }
        int first = message.indexOf('\'');
        int last = message.lastIndexOf('\'');
        return first >= 0 && last > first ? message.substring(first + 1, last) : "(unreadable)";
    }

    static String redact(String url) {
        return USER_INFO.matcher(url).replaceAll("***@");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
