package dev.perfkit.http;

/**
 * Where the time of one request went, phase by phase, from OkHttp's events (the names are k6's).
 *
 * <p>Each phase is also recorded as a timing statistic of its own named
 * {@code "<sample name> <phase>"}, such as {@code "GET /users/{id} waiting"}
 * ({@link dev.perfkit.core.SampleKind#TIMING}: kept beside the request's statistic, never counted
 * in the run's totals). {@link #DNS}, {@link #CONNECT} and {@link #TLS} are recorded only for
 * requests that opened a connection, so their counts are the connections opened; the other
 * phases are recorded for every request that got that far, {@link #BLOCKED} only when
 * {@link HttpConfig#maxConnections()} caps the pool.
 *
 * <p>The phases do not overlap, so their sum is at most {@link #totalNanos()}; the rest is the
 * client's own work (pool look-up, building the request, reading the body into memory).
 *
 * @param blockedNanos   waiting for a free slot under {@link HttpConfig#maxConnections()}
 * @param dnsNanos       resolving the host name
 * @param connectNanos   opening the TCP connection, TLS excluded
 * @param tlsNanos       the TLS handshake
 * @param sendingNanos   writing the request, headers and body
 * @param waitingNanos   from the end of the request to the first byte of the response: the server's time
 * @param receivingNanos from the first byte of the response to the end of its body
 * @param totalNanos     the whole request, as recorded in its sample
 * @param newConnection  true if the request opened a connection rather than reusing one
 */
public record HttpTimings(long blockedNanos, long dnsNanos, long connectNanos, long tlsNanos, long sendingNanos,
                          long waitingNanos, long receivingNanos, long totalNanos, boolean newConnection) {

    /** Suffix of the timing statistic of {@link #blockedNanos()}. */
    public static final String BLOCKED = "blocked";
    /** Suffix of the timing statistic of {@link #dnsNanos()}. */
    public static final String DNS = "dns";
    /** Suffix of the timing statistic of {@link #connectNanos()}. */
    public static final String CONNECT = "connect";
    /** Suffix of the timing statistic of {@link #tlsNanos()}. */
    public static final String TLS = "tls";
    /** Suffix of the timing statistic of {@link #sendingNanos()}. */
    public static final String SENDING = "sending";
    /** Suffix of the timing statistic of {@link #waitingNanos()} (time to first byte). */
    public static final String WAITING = "waiting";
    /** Suffix of the timing statistic of {@link #receivingNanos()}. */
    public static final String RECEIVING = "receiving";

    /** Returns the sum of the phases: at most {@link #totalNanos()}. */
    public long phasesNanos() {
        return blockedNanos + dnsNanos + connectNanos + tlsNanos + sendingNanos + waitingNanos + receivingNanos;
    }

    /**
     * Returns the name of a phase's timing statistic.
     *
     * @param sampleName the request's sample name
     * @param phase      one of the suffix constants, such as {@link #WAITING}
     * @return {@code sampleName + " " + phase}
     */
    public static String statisticName(String sampleName, String phase) {
        return sampleName + " " + phase;
    }
}
