package dev.perfkit.jdbc;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.UserType;
import dev.perfkit.jdbc.internal.HeapProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database tests of the requirements as ready-made suites: each creates its own pool from a
 * {@link PoolConfig}, runs a bounded load over a {@link Dataset} that already exists, checks what
 * it must, and returns a {@link SuiteResult}.
 *
 * <pre>{@code
 * Dataset dataset = Dataset.defaults();
 * try (JdbcPool setup = JdbcPool.create(config)) {
 *     dataset.create(setup.dataSource());
 * }
 * SuiteResult concurrent = WorkloadSuites.concurrentOperations(config, dataset);
 * SuiteResult bulk = WorkloadSuites.bulkOperations(config, dataset);
 * SuiteResult pool = WorkloadSuites.poolUnderLoad(config, dataset);
 * SuiteResult large = WorkloadSuites.largeResultRead(config, dataset);
 * System.out.println(large.describe());   // rows read, heap needed, thresholds, pool verdict
 * }</pre>
 *
 * <table>
 *   <caption>The suites</caption>
 *   <tr><th>suite</th><th>load</th><th>checks</th></tr>
 *   <tr><td>{@link #concurrentOperations}</td><td>10 users × 50 operations: a weighted mix of the
 *       {@link QueryPatterns} and an update</td><td>every operation ran and none failed</td></tr>
 *   <tr><td>{@link #bulkOperations}</td><td>one user: insert 1,000 reports in batches, update them,
 *       delete them</td><td>each batch reports 1,000 rows and a count of the table says so</td></tr>
 *   <tr><td>{@link #poolUnderLoad}</td><td>20 users at once against a pool of 5, 10 joins each</td>
 *       <td>every request was served (no {@code pool_timeout}); the pool exhaustion check reports
 *       how much users waited</td></tr>
 *   <tr><td>{@link #largeResultRead}</td><td>one user streams a large join (all users × all reports,
 *       or fewer rows on request) with a fetch size</td><td>every row read; reports the live heap
 *       the read needed</td></tr>
 * </table>
 * Every suite also checks each statement against {@link QueryThresholds#defaults()} (mean under
 * 100 ms, maximum under 500 ms) and runs the {@link PoolExhaustionCheck} on its pool. The runs
 * sample the pool every {@link #INTERVAL}. Suites change data only where they say so (the bulk
 * suite removes what it inserts; the concurrent suite increments {@code visits}).
 */
public final class WorkloadSuites {

    /** Users of {@link #concurrentOperations(PoolConfig, Dataset)}. */
    public static final int DEFAULT_CONCURRENT_USERS = 10;
    /** Operations per user of {@link #concurrentOperations(PoolConfig, Dataset)}. */
    public static final int DEFAULT_OPERATIONS_PER_USER = 50;
    /** Records of {@link #bulkOperations(PoolConfig, Dataset)}. */
    public static final int DEFAULT_BULK_RECORDS = 1_000;
    /** Rows per {@code executeBatch()} of the bulk suite. */
    public static final int BULK_BATCH_SIZE = 100;
    /** Concurrent requests of {@link #poolUnderLoad(PoolConfig, Dataset)}. */
    public static final int DEFAULT_CONCURRENT_REQUESTS = 20;
    /** Pool size of {@link #poolUnderLoad(PoolConfig, Dataset)}: smaller than the requests. */
    public static final int DEFAULT_SMALL_POOL_SIZE = 5;
    /** Requests each user of the pool suite makes. */
    public static final int REQUESTS_PER_USER = 10;
    /** Fetch size of {@link #largeResultRead(PoolConfig, Dataset)}. */
    public static final int DEFAULT_FETCH_SIZE = 1_000;
    /** Heap samples taken during the large-result read (plus one at the first row). */
    public static final int HEAP_SAMPLES = 10;
    /** The interval of the suites' time series, at which the pool gauges are read. */
    public static final Duration INTERVAL = Duration.ofMillis(100);
    /** The hard stop of every suite's run: a bound, never reached by a healthy database. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);
    /** The first id of the reports the bulk suite inserts: far above the dataset's. */
    public static final long BULK_FIRST_ID = 1_000_000_000L;

    private WorkloadSuites() {
    }

    // ---------------------------------------------------------------- concurrent operations

    /**
     * Runs 10 users × 50 operations each.
     *
     * @param config  the pool's settings
     * @param dataset the dataset, already created
     * @return the result
     * @throws SQLException         if the pool cannot start
     * @throws InterruptedException if the calling thread is interrupted (the run is stopped)
     * @see #concurrentOperations(PoolConfig, Dataset, int, int)
     */
    public static SuiteResult concurrentOperations(PoolConfig config, Dataset dataset) throws SQLException, InterruptedException {
        return concurrentOperations(config, dataset, DEFAULT_CONCURRENT_USERS, DEFAULT_OPERATIONS_PER_USER);
    }

    /**
     * Runs concurrent users, each doing a fixed number of operations picked by weight from the
     * query patterns: primary-key lookup 4, simple filter 3, complex join 2, aggregation 1, offset
     * page 2, keyset page 2, update of a user 2.
     *
     * @param config            the pool's settings
     * @param dataset           the dataset, already created
     * @param users             concurrent users, {@code > 0}
     * @param operationsPerUser operations per user, {@code > 0}
     * @return the result; its problems list failed operations and a count below {@code users × operationsPerUser}
     * @throws SQLException         if the pool cannot start
     * @throws InterruptedException if the calling thread is interrupted (the run is stopped)
     */
    public static SuiteResult concurrentOperations(PoolConfig config, Dataset dataset, int users, int operationsPerUser)
            throws SQLException, InterruptedException {
        String suite = "concurrent operations";
        check(config, dataset);
        Checks.positive(suite, "users", users);
        Checks.positive(suite, "operationsPerUser", operationsPerUser);
        QueryPatterns p = QueryPatterns.of(dataset);
        try (JdbcPool pool = JdbcPool.create(config)) {
            UserType user = operator(pool, p);
            Scenario scenario = Scenario.named(suite).users(users).iterationsPerUser(operationsPerUser)
                    .userType(user).seed(dataset.seed()).maxDuration(MAX_DURATION);
            RunResult run = run(pool, scenario);
            long expected = (long) users * operationsPerUser;
            List<String> problems = runProblems(run);
            if (run.total().count() != expected) {
                problems.add("ran " + run.total().count() + " operations, expected " + expected);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(SuiteResult.USERS, (long) users);
            counts.put(SuiteResult.OPERATIONS, run.total().count());
            return result(suite, run, problems, pool, counts);
        }
    }

    // ---------------------------------------------------------------- bulk operations

    /**
     * Inserts, updates and deletes 1,000 records.
     *
     * @param config  the pool's settings
     * @param dataset the dataset, already created
     * @return the result
     * @throws SQLException         if the pool cannot start
     * @throws InterruptedException if the calling thread is interrupted (the run is stopped)
     * @see #bulkOperations(PoolConfig, Dataset, int)
     */
    public static SuiteResult bulkOperations(PoolConfig config, Dataset dataset) throws SQLException, InterruptedException {
        return bulkOperations(config, dataset, DEFAULT_BULK_RECORDS);
    }

    /**
     * One user, in order: inserts {@code records} reports (ids from {@link #BULK_FIRST_ID}) with a
     * batch of {@link #BULK_BATCH_SIZE} rows per round trip in one transaction, counts them; updates
     * them all by batch ({@code status = 'archived'}), counts the archived ones; deletes them by
     * batch, counts what is left. Leftovers of an interrupted earlier run are deleted first.
     *
     * @param config  the pool's settings
     * @param dataset the dataset, already created (the reports need its users)
     * @param records rows per batch operation, {@code > 0}
     * @return the result; its counts hold what each batch reported and what was counted back
     * @throws SQLException         if the pool cannot start or the leftovers cannot be removed
     * @throws InterruptedException if the calling thread is interrupted (the run is stopped)
     */
    public static SuiteResult bulkOperations(PoolConfig config, Dataset dataset, int records)
            throws SQLException, InterruptedException {
        String suite = "bulk operations";
        check(config, dataset);
        Checks.positive(suite, "records", records);
        String reports = dataset.reportsTable();
        long last = BULK_FIRST_ID + records - 1;
        int users = dataset.users();
        SqlBatch insert = SqlBatch.custom("bulk insert", "INSERT INTO " + reports
                        + " (id, user_id, title, category, status, amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .rows(records, (s, i) -> new Object[] {BULK_FIRST_ID + i, (long) (1 + i % users), "Bulk report " + i,
                        Dataset.CATEGORIES.get(i % Dataset.CATEGORIES.size()), "draft",
                        java.math.BigDecimal.valueOf(100 + i, 2), Dataset.EPOCH.plusMinutes(i)})
                .batchSize(BULK_BATCH_SIZE).build();
        SqlBatch update = SqlBatch.custom("bulk update", "UPDATE " + reports
                        + " SET status = 'archived', amount = amount + 1 WHERE id = ?")
                .rows(records, (s, i) -> new Object[] {BULK_FIRST_ID + i})
                .batchSize(BULK_BATCH_SIZE).build();
        SqlBatch delete = SqlBatch.custom("bulk delete", "DELETE FROM " + reports + " WHERE id = ?")
                .rows(records, (s, i) -> new Object[] {BULK_FIRST_ID + i})
                .batchSize(BULK_BATCH_SIZE).build();
        SqlQuery countAll = SqlQuery.custom("bulk count", "SELECT COUNT(*) FROM " + reports + " WHERE id BETWEEN ? AND ?")
                .params(Params.of(BULK_FIRST_ID, last)).keepRows(1).build();
        SqlQuery countArchived = SqlQuery.custom("bulk count archived", "SELECT COUNT(*) FROM " + reports
                        + " WHERE id BETWEEN ? AND ? AND status = 'archived'")
                .params(Params.of(BULK_FIRST_ID, last)).keepRows(1).build();

        try (JdbcPool pool = JdbcPool.create(config)) {
            try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + reports + " WHERE id >= " + BULK_FIRST_ID);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            Map<String, AtomicLong> seen = new LinkedHashMap<>(); // -1: the step did not run
            for (String k : List.of(SuiteResult.INSERTED, SuiteResult.COUNTED_AFTER_INSERT, SuiteResult.UPDATED,
                    SuiteResult.COUNTED_AFTER_UPDATE, SuiteResult.DELETED, SuiteResult.COUNTED_AFTER_DELETE)) {
                seen.put(k, new AtomicLong(-1));
            }
            UserType loader = UserType.named("loader")
                    .step("insert", s -> seen.get(SuiteResult.INSERTED).set(pool.batch(insert, s).rowsAffected()))
                    .step("count inserted", s -> seen.get(SuiteResult.COUNTED_AFTER_INSERT).set(countOf(pool.query(countAll, s))))
                    .step("update", s -> seen.get(SuiteResult.UPDATED).set(pool.batch(update, s).rowsAffected()))
                    .step("count updated", s -> seen.get(SuiteResult.COUNTED_AFTER_UPDATE).set(countOf(pool.query(countArchived, s))))
                    .step("delete", s -> seen.get(SuiteResult.DELETED).set(pool.batch(delete, s).rowsAffected()))
                    .step("count deleted", s -> seen.get(SuiteResult.COUNTED_AFTER_DELETE).set(countOf(pool.query(countAll, s))));
            Scenario scenario = Scenario.named(suite).users(1).iterationsPerUser(1).userType(loader)
                    .seed(dataset.seed()).maxDuration(MAX_DURATION);
            RunResult run = run(pool, scenario);
            Map<String, Long> counts = new LinkedHashMap<>();
            seen.forEach((k, v) -> counts.put(k, v.get()));
            List<String> problems = runProblems(run);
            expect(problems, counts, SuiteResult.INSERTED, records);
            expect(problems, counts, SuiteResult.COUNTED_AFTER_INSERT, records);
            expect(problems, counts, SuiteResult.UPDATED, records);
            expect(problems, counts, SuiteResult.COUNTED_AFTER_UPDATE, records);
            expect(problems, counts, SuiteResult.DELETED, records);
            expect(problems, counts, SuiteResult.COUNTED_AFTER_DELETE, 0);
            return result(suite, run, problems, pool, counts);
        }
    }

    // ---------------------------------------------------------------- pool under load

    /**
     * Runs 20 concurrent requests against a pool of 5.
     *
     * @param config  the pool's settings
     * @param dataset the dataset, already created
     * @return the result
     * @throws SQLException         if the pool cannot start
     * @throws InterruptedException if the calling thread is interrupted (the run is stopped)
     * @see #poolUnderLoad(PoolConfig, Dataset, int, int)
     */
    public static SuiteResult poolUnderLoad(PoolConfig config, Dataset dataset) throws SQLException, InterruptedException {
        return poolUnderLoad(config, dataset, DEFAULT_CONCURRENT_REQUESTS, DEFAULT_SMALL_POOL_SIZE);
    }

    /**
     * Runs {@code concurrentRequests} users at once, each making {@link #REQUESTS_PER_USER}
     * complex joins, against a pool of {@code poolSize} connections (the configuration's other
     * settings kept, its minimum idle set to the pool size). Users beyond the pool's size wait for
     * a connection: the suite shows how long, and whether every request was still served within
     * the connection timeout.
     *
     * @param config             the pool's settings; its size is replaced
     * @param dataset            the dataset, already created
     * @param concurrentRequests concurrent users, {@code > 0}
     * @param poolSize           the pool's size, {@code > 0}
     * @return the result; its problems list requests that failed (such as {@code pool_timeout})
     * @throws SQLException         if the pool cannot start
     * @throws InterruptedException if the calling thread is interrupted (the run is stopped)
     */
    public static SuiteResult poolUnderLoad(PoolConfig config, Dataset dataset, int concurrentRequests, int poolSize)
            throws SQLException, InterruptedException {
        String suite = "pool under load";
        check(config, dataset);
        Checks.positive(suite, "concurrentRequests", concurrentRequests);
        Checks.positive(suite, "poolSize", poolSize);
        QueryPatterns p = QueryPatterns.of(dataset);
        PoolConfig small = config.toBuilder().maxSize(poolSize).minIdle(poolSize).build();
        try (JdbcPool pool = JdbcPool.create(small)) {
            Scenario scenario = Scenario.named(suite).users(concurrentRequests).iterationsPerUser(REQUESTS_PER_USER)
                    .task(1, "join", pool.task(p.complexJoin())).seed(dataset.seed()).maxDuration(MAX_DURATION);
            RunResult run = run(pool, scenario);
            List<String> problems = runProblems(run);
            long expected = (long) concurrentRequests * REQUESTS_PER_USER;
            if (run.total().count() != expected) {
                problems.add("made " + run.total().count() + " requests, expected " + expected);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(SuiteResult.USERS, (long) concurrentRequests);
            counts.put(SuiteResult.POOL_SIZE, (long) poolSize);
            counts.put(SuiteResult.OPERATIONS, run.total().count());
            return result(suite, run, problems, pool, counts);
        }
    }

    // ---------------------------------------------------------------- large result read

    /**
     * Streams every row of the users × reports join (500,000 rows with the default dataset) with
     * a fetch size of {@link #DEFAULT_FETCH_SIZE}.
     *
     * @param config  the pool's settings
     * @param dataset the dataset, already created
     * @return the result
     * @throws SQLException         if the pool cannot start
     * @throws InterruptedException if the calling thread is interrupted (the run is stopped)
     * @see #largeResultRead(PoolConfig, Dataset, long, int)
     */
    public static SuiteResult largeResultRead(PoolConfig config, Dataset dataset) throws SQLException, InterruptedException {
        return largeResultRead(config, dataset, (long) dataset.users() * dataset.reports(), DEFAULT_FETCH_SIZE);
    }

    /**
     * One user reads {@code rows} rows of the join of every report with every user (six columns,
     * about 100 bytes of data a row), streaming them with a fetch size and keeping none, and the
     * suite reports the live heap the read needed: before the query it takes a baseline of the
     * live heap, then samples it at the first row and {@link #HEAP_SAMPLES} times during the read
     * (each sample is a full garbage collection, {@link System#gc()}; do not run this suite with
     * {@code -XX:+DisableExplicitGC}). The heap needed is the largest sample less the baseline.
     *
     * <p>On H2 the suite switches the session to lazy query execution
     * ({@code SET LAZY_QUERY_EXECUTION TRUE}), H2's way of streaming a result; its pool has a
     * single connection. Heap figures include whatever else the JVM does meanwhile: run it alone.
     *
     * @param config    the pool's settings; its size is set to 1
     * @param dataset   the dataset, already created
     * @param rows      the rows to read, {@code 1..users × reports}
     * @param fetchSize the driver's fetch size, {@code >= 0} (0: the driver's default, which for
     *                  PostgreSQL means the whole result in memory)
     * @return the result; its counts hold the rows read and the heap figures
     * @throws SQLException         if the pool cannot start
     * @throws InterruptedException if the calling thread is interrupted (the run is stopped)
     */
    public static SuiteResult largeResultRead(PoolConfig config, Dataset dataset, long rows, int fetchSize)
            throws SQLException, InterruptedException {
        String suite = "large result read";
        check(config, dataset);
        long available = (long) dataset.users() * dataset.reports();
        if (rows < 1 || rows > available) {
            throw new IllegalArgumentException(suite + ": rows must be within 1.." + available + " (users x reports), was " + rows);
        }
        Checks.nonNegative(suite, "fetchSize", fetchSize);
        HeapProbe probe = new HeapProbe();
        AtomicLong read = new AtomicLong();
        long every = Math.max(1, rows / HEAP_SAMPLES);
        SqlQuery large = SqlQuery.custom("large result", "SELECT r.id, r.title, r.category, r.amount, u.name, u.email FROM "
                        + dataset.reportsTable() + " r CROSS JOIN " + dataset.usersTable() + " u FETCH FIRST ? ROWS ONLY")
                .params(Params.of(rows))
                .fetchSize(fetchSize)
                .forEachRow((s, row) -> {
                    long n = read.incrementAndGet();
                    if (n == 1 || n % every == 0) {
                        probe.sample();
                    }
                })
                .build();
        PoolConfig single = config.toBuilder().maxSize(1).minIdle(1).build();
        try (JdbcPool pool = JdbcPool.create(single)) {
            try (Connection c = pool.dataSource().getConnection()) {
                if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).equals("h2")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LAZY_QUERY_EXECUTION TRUE"); // a session setting: stays on the pool's only connection
                    }
                }
            }
            Scenario scenario = Scenario.named(suite).users(1).iterationsPerUser(1)
                    .userType(UserType.named("reader")
                            .onStart(s -> probe.baseline())
                            .task(1, "read", pool.task(large)))
                    .seed(dataset.seed()).maxDuration(MAX_DURATION);
            RunResult run = run(pool, scenario);
            List<String> problems = runProblems(run);
            if (read.get() != rows) {
                problems.add("read " + read.get() + " rows, expected " + rows);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(SuiteResult.ROWS_READ, read.get());
            counts.put(SuiteResult.FETCH_SIZE, (long) fetchSize);
            counts.put(SuiteResult.HEAP_BASELINE_BYTES, probe.baselineBytes());
            counts.put(SuiteResult.HEAP_NEEDED_BYTES, probe.neededBytes());
            counts.put(SuiteResult.HEAP_SAMPLES, (long) probe.samples());
            return result(suite, run, problems, pool, counts);
        }
    }

    // ---------------------------------------------------------------- shared

    private static void check(PoolConfig config, Dataset dataset) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataset, "dataset");
    }

    private static RunResult run(JdbcPool pool, Scenario scenario) throws InterruptedException {
        RunOptions options = pool.addGaugesTo(RunOptions.custom().interval(INTERVAL)).build();
        return LoadTest.run(scenario, options);
    }

    private static SuiteResult result(String suite, RunResult run, List<String> problems, JdbcPool pool,
                                      Map<String, Long> counts) {
        return new SuiteResult(suite, run, QueryThresholds.defaults().evaluate(run), problems, pool.checkExhaustion(run), counts);
    }

    /** The run's own problems: an unfinished run, failed statements by category. */
    private static List<String> runProblems(RunResult run) {
        List<String> problems = new ArrayList<>();
        if (run.status() != RunStatus.COMPLETED) {
            problems.add("the run ended " + run.status() + ": " + run.stopReason());
        }
        for (SampleStats s : run.samples()) {
            if (s.failures() == 0 || s.kind() != dev.perfkit.core.SampleKind.REQUEST) {
                continue;
            }
            for (FailureSummary f : s.failureSummaries()) {
                String example = f.messages().isEmpty() ? "" : ", e.g. " + f.messages().get(0).message();
                problems.add(String.format(Locale.ROOT, "%s: %d of %d failed with %s%s", s.name(), f.count(), s.count(),
                        f.category(), example));
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, Map<String, Long> counts, String name, long expected) {
        long actual = counts.get(name);
        if (actual != expected) {
            problems.add(name + ": " + actual + ", expected " + expected);
        }
    }

    private static long countOf(QueryResult r) {
        return ((Number) r.keptRows().get(0).get(0)).longValue();
    }

    /**
     * Returns the user type of the concurrent-operations suite: a mix of the query patterns by
     * weight (4 primary-key lookups, 3 filters, 2 joins, 1 aggregation, 2 offset pages, 2 keyset
     * pages, 2 single-row updates), each a task named for its pattern. Reuse it to run the same mix
     * in a scenario of your own (the runner's example db suite does).
     *
     * @param pool     the pool the statements run on
     * @param patterns the query patterns over the dataset's tables
     * @return the user type, named {@code operator}
     */
    public static UserType operator(JdbcPool pool, QueryPatterns patterns) {
        return UserType.named("operator")
                .task(4, "lookup", pool.task(patterns.userById()))
                .task(3, "filter", pool.task(patterns.simpleFilter()))
                .task(2, "join", pool.task(patterns.complexJoin()))
                .task(1, "totals", pool.task(patterns.aggregation()))
                .task(2, "offset", pool.task(patterns.offsetPage()))
                .task(2, "keyset", pool.task(patterns.keysetPage()))
                .task(2, "touch", pool.task(patterns.touchUser()));
    }
}
