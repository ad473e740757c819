package dev.perfkit.http;

import java.util.Locale;

/**
 * What went wrong with a request: the category under which perf-core counts a failed request
 * ({@link dev.perfkit.core.FailureSummary#category()} holds {@link #id()}).
 *
 * <p>Every failure of a request falls in exactly one category. Transport failures are told apart
 * by the exception and by the phase the call was in (from OkHttp's events): a timeout before the
 * connection was made is {@link #CONNECT_TIMEOUT}, while the request was being written
 * {@link #WRITE_TIMEOUT}, after that {@link #READ_TIMEOUT}.
 *
 * <pre>{@code
 * SampleStats login = result.sample("POST /login").orElseThrow();
 * long refused = login.failureSummaries().stream()
 *     .filter(f -> f.category().equals(HttpFailureCategory.CONNECTION_REFUSED.id()))
 *     .mapToLong(FailureSummary::count).sum();
 * }</pre>
 */
public enum HttpFailureCategory {

    /** The target refused the TCP connection: nothing listens on the port. */
    CONNECTION_REFUSED,
    /** The TCP connection (or its TLS handshake) did not complete within the connect timeout. */
    CONNECT_TIMEOUT,
    /** The request could not be written within the write timeout. */
    WRITE_TIMEOUT,
    /** No response byte arrived within the read timeout after the request was written, or the body stalled. */
    READ_TIMEOUT,
    /** The whole call, from connecting to reading the body, took longer than the call timeout. */
    CALL_TIMEOUT,
    /** The TLS handshake failed: an untrusted or mismatched certificate, a plain server, no common protocol. */
    TLS,
    /** The target's host name did not resolve. */
    UNKNOWN_HOST,
    /** Any other I/O failure: a connection reset or closed early, a response that is not HTTP. */
    IO,
    /** The response had a status from 400 to 499 and no check accepted it. */
    HTTP_4XX,
    /** The response had a status from 500 to 599 and no check accepted it. */
    HTTP_5XX,
    /** A check failed or an extraction found nothing; the message is the check's description. */
    CHECK,
    /** A Resilience4j circuit breaker was open: the request was not sent. */
    CIRCUIT_OPEN,
    /** A Resilience4j rate limiter gave no permission in time: the request was not sent. */
    RATE_LIMITED,
    /** A Resilience4j bulkhead was full: the request was not sent. */
    BULKHEAD_FULL,
    /** The virtual user was interrupted, as the engine does at a hard stop. */
    INTERRUPTED;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** Returns the category as perf-core records it: the constant's name in lower case, such as {@code "read_timeout"}. */
    public String id() {
        return id;
    }

    /**
     * Returns the category of an id.
     *
     * @param id an id as returned by {@link #id()}
     * @return the category
     * @throws IllegalArgumentException if no category has that id
     */
    public static HttpFailureCategory of(String id) {
        for (HttpFailureCategory c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("http failure category: unknown id \"" + id + "\"");
    }

    /**
     * Returns the category of an HTTP status that no check accepted.
     *
     * @param status the status
     * @return {@link #HTTP_5XX} from 500, {@link #HTTP_4XX} from 400, otherwise {@link #CHECK}
     */
    static HttpFailureCategory ofStatus(int status) {
        return status >= 500 ? HTTP_5XX : status >= 400 ? HTTP_4XX : CHECK;
    }
}
