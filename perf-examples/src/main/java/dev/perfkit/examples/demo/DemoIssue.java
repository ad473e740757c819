package dev.perfkit.examples.demo;

/**
 * A common performance problem that {@link DemoSystem} can plant on purpose, so that a load test
 * and perf-core's {@code Findings} have something real to find. Plant them with
 * {@link DemoOptions.Builder#plant(DemoIssue...)}; none is planted by default.
 */
public enum DemoIssue {

    /**
     * {@code GET /search} without its index: the index on report titles is not created, so the
     * title branch of the search reads and sorts the whole reports table instead of reading the
     * first 20 matching entries of the index (H2's plan shows a table scan). Its cost then grows
     * with the number of reports: at 50,000 reports about 3 ms per search instead of 0.15 ms.
     */
    SLOW_QUERY,

    /**
     * {@code GET /dashboard} as an N+1 query: the recent reports are read without their authors,
     * then each report's author is fetched by a statement of its own. One dashboard then runs
     * 3 + (up to 10) statements instead of 3, each paying the database round trip.
     */
    N_PLUS_ONE,

    /**
     * A connection pool of {@value DemoOptions#SMALL_POOL_SIZE} connections, whatever
     * {@link DemoOptions#poolSize()} says: more concurrent requests than that wait for a
     * connection, which shows in the pool's {@code .waiting} gauge and in the response times.
     */
    SMALL_POOL,

    /**
     * A memory leak: every response body is kept in a cache that is never evicted, so the retained
     * heap grows with every request ({@link DemoSystem#retainedBytes()}) until the JVM runs out of
     * memory. Use it in bounded runs.
     */
    MEMORY_LEAK
}
