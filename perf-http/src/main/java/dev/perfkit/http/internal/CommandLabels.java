package dev.perfkit.http.internal;

import dev.perfkit.core.internal.Durations;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels the ad-hoc command puts in its JSON result (perf-report's {@code ResultDocument}):
 * what was loaded and how, and the count of each HTTP status. Secrets are redacted as everywhere
 * else: the URL through {@link Redactor#text}, header values through {@link Redactor#headerValue}.
 *
 * <p>Names, in this order: {@code method}, {@code url}, {@code model} ({@code open} or
 * {@code closed}); {@code rate} and {@code maxConcurrency} (open) or {@code users} (closed);
 * {@code duration} and {@code requests} when given; {@code http2}, {@code insecure}; one
 * {@code header.<Name>} per header given (values of a repeated name joined by {@code ", "});
 * {@code bodyBytes}; one {@code status.<code>} per status seen, its value the count.
 */
public final class CommandLabels {

    /** The prefix of a header's label. */
    public static final String HEADER = "header.";
    /** The prefix of a status code's label. */
    public static final String STATUS = "status.";

    private CommandLabels() {
    }

    /**
     * Returns the labels of a run of the command.
     *
     * @param o        the command's options
     * @param redactor the redactor of the command's client
     * @param statuses the count per HTTP status code, in the order to write them
     * @return the labels, in the order above
     */
    public static Map<String, String> of(CommandOptions o, Redactor redactor, Map<Integer, Long> statuses) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("method", o.method);
        m.put("url", redactor.text(o.url));
        m.put("model", o.rate > 0 ? "open" : "closed");
        if (o.rate > 0) {
            m.put("rate", BigDecimal.valueOf(o.rate).stripTrailingZeros().toPlainString());
            m.put("maxConcurrency", String.valueOf(o.maxConcurrency));
        } else {
            m.put("users", String.valueOf(o.users));
        }
        if (o.duration != null) {
            m.put("duration", Durations.format(o.duration));
        }
        if (o.requests > 0) {
            m.put("requests", String.valueOf(o.requests));
        }
        m.put("http2", String.valueOf(o.http2));
        m.put("insecure", String.valueOf(o.insecure));
        for (String[] h : o.headers) {
            m.merge(HEADER + h[0], redactor.headerValue(h[0], h[1]), (first, next) -> first + ", " + next);
        }
        m.put("bodyBytes", String.valueOf(o.body == null ? 0 : o.body.length));
        statuses.forEach((code, count) -> m.put(STATUS + code, String.valueOf(count)));
        return m;
    }
}
