package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.UserType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter and the suites against a real PostgreSQL server: deadlocks and serialization
 * failures really produced and categorised, pool exhaustion, batches counted back, the
 * large-result read within its heap bound, a query timeout, redaction. Each test is skipped, loudly,
 * without {@value Databases#PG_URL} (see {@link Databases#postgresOrNull(int)}).
 */
class PostgresTest {

    private static PoolConfig config;
    private static JdbcPool pool;
    private static final Dataset DATASET = Dataset.custom().tablePrefix("pgtest_").build();

    @BeforeAll
    static void connect() throws Exception {
        PoolConfig.Builder builder = Databases.postgresOrNull(10);
        if (builder != null) {
            config = builder.build();
            pool = JdbcPool.create(config);
            DATASET.create(pool.dataSource());
        }
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (pool != null) {
            DATASET.drop(pool.dataSource());
            Databases.exec(pool.dataSource(), "DROP TABLE IF EXISTS pg_accounts", "DROP TABLE IF EXISTS pg_events");
            pool.close();
        }
    }

    @BeforeEach
    void resetAccounts() throws Exception {
        Databases.assumePostgres();
        Databases.exec(pool.dataSource(), "DROP TABLE IF EXISTS pg_accounts",
                "CREATE TABLE pg_accounts (id INT PRIMARY KEY, balance INT NOT NULL)",
                "INSERT INTO pg_accounts VALUES (1, 100), (2, 100)");
    }

    // ------------------------------------------------------------------ deadlocks and serialization failures

    @Test
    void shouldCategoriseDeadlockWhenTwoTransactionsLockRowsInOppositeOrder() throws Exception {
        RunResult run = crossTransfers(null);

        SampleStats ab = run.sample("transfer 1->2").orElseThrow();
        SampleStats ba = run.sample("transfer 2->1").orElseThrow();
        assertThat(ab.failures() + ba.failures()).as("PostgreSQL aborts exactly one of the two").isEqualTo(1);
        SampleStats victim = ab.failures() == 1 ? ab : ba;
        assertThat(Runs.failures(victim)).containsOnlyKeys("sql_deadlock");
        assertThat(Runs.messages(victim)).startsWith("[40P01] step '");
        assertThat(Databases.count(pool.dataSource(), "SELECT SUM(balance) FROM pg_accounts")).isEqualTo(200);
    }

    @Test
    void shouldCommitBothWhenDeadlockVictimIsRetried() throws Exception {
        RunResult run = crossTransfers(DeadlockRetry.custom().initialWait(java.time.Duration.ofMillis(5)).build());

        assertThat(run.sample("transfer 1->2").orElseThrow().failures()).isZero();
        assertThat(run.sample("transfer 2->1").orElseThrow().failures()).isZero();
        long retried = run.samples().stream().filter(s -> s.name().endsWith(DeadlockRetry.RETRIED_SUFFIX))
                .mapToLong(SampleStats::failures).sum();
        assertThat(retried).isEqualTo(1);
        assertThat(Databases.count(pool.dataSource(), "SELECT balance FROM pg_accounts WHERE id = 1"))
                .as("both transfers of 10 committed: -10 + 10").isEqualTo(100);
    }

    @Test
    void shouldCategoriseSerializationFailureWhenRepeatableReadTransactionsUpdateTheSameRow() throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        SqlTransaction[] increments = new SqlTransaction[2];
        for (int i = 0; i < 2; i++) {
            increments[i] = SqlTransaction.custom("increment " + i)
                    .isolation(SqlTransaction.Isolation.REPEATABLE_READ)
                    .step(SqlQuery.custom("read", "SELECT balance FROM pg_accounts WHERE id = 1")
                            .forEachRow((s, row) -> await(bothRead)).build())
                    .step(SqlUpdate.custom("write", "UPDATE pg_accounts SET balance = balance + 1 WHERE id = 1").build())
                    .build();
        }

        RunResult run = LoadTest.run(Scenario.named("serialization").users(2).iterationsPerUser(1)
                .userType(UserType.named("a").task(1, "a", pool.task(increments[0])))
                .userType(UserType.named("b").task(1, "b", pool.task(increments[1])))
                .maxDuration(Runs.SAFETY_STOP));

        long failures = run.sample("increment 0").orElseThrow().failures() + run.sample("increment 1").orElseThrow().failures();
        assertThat(failures).as("the second writer cannot serialize").isEqualTo(1);
        SampleStats victim = run.sample("increment 0").orElseThrow().failures() == 1
                ? run.sample("increment 0").orElseThrow() : run.sample("increment 1").orElseThrow();
        assertThat(Runs.failures(victim)).containsOnlyKeys("sql_deadlock");
        assertThat(Runs.messages(victim)).startsWith("[40001] step 'write': ERROR: could not serialize access");
        assertThat(Databases.count(pool.dataSource(), "SELECT balance FROM pg_accounts WHERE id = 1")).isEqualTo(101);
    }

    /** Two users move 10 between accounts 1 and 2 in opposite directions, each holding its first row lock at a barrier. */
    private RunResult crossTransfers(DeadlockRetry retry) throws InterruptedException {
        CyclicBarrier bothLocked = new CyclicBarrier(2);
        AtomicInteger firstAttempts = new AtomicInteger();
        SqlQuery meet = SqlQuery.custom("meet", "SELECT 1").forEachRow((s, row) -> {
            if (firstAttempts.incrementAndGet() <= 2) { // a retried attempt does not wait for the other user again
                await(bothLocked);
            }
        }).build();
        SqlTransaction ab = transfer("transfer 1->2", 1, 2, meet, retry);
        SqlTransaction ba = transfer("transfer 2->1", 2, 1, meet, retry);
        return LoadTest.run(Scenario.named("deadlock").users(2).iterationsPerUser(1)
                .userType(UserType.named("ab").task(1, "ab", pool.task(ab)))
                .userType(UserType.named("ba").task(1, "ba", pool.task(ba)))
                .maxDuration(Runs.SAFETY_STOP));
    }

    private static SqlTransaction transfer(String name, int from, int to, SqlQuery meet, DeadlockRetry retry) {
        return SqlTransaction.custom(name)
                .step(SqlUpdate.custom("debit", "UPDATE pg_accounts SET balance = balance - 10 WHERE id = ?")
                        .params(Params.of(from)).build())
                .step(meet)
                .step(SqlUpdate.custom("credit", "UPDATE pg_accounts SET balance = balance + 10 WHERE id = ?")
                        .params(Params.of(to)).build())
                .retry(retry).build();
    }

    private static void await(CyclicBarrier barrier) throws SQLException {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new SQLException("the other user never arrived: " + e, e);
        }
    }

    // ------------------------------------------------------------------ pool, batches, large result

    @Test
    void shouldReportExhaustionWhenTwentyUsersShareTwoConnectionsWithSlowStatement() throws Exception {
        try (JdbcPool two = JdbcPool.create(config.toBuilder().name("pg2").maxSize(2).minIdle(2).build())) {
            SqlQuery slow = SqlQuery.custom("pg sleep", "SELECT pg_sleep(0.05)").build();

            RunResult run = Runs.users(two, 20, 5, s -> two.query(slow, s));
            PoolExhaustionFinding finding = two.checkExhaustion(run);

            assertThat(run.sample("pg sleep").orElseThrow().count()).isEqualTo(100);
            assertThat(run.sample("pg sleep").orElseThrow().failures()).isZero();
            assertThat(finding.exhausted()).isTrue();
            assertThat(finding.peakWaiting()).isGreaterThanOrEqualTo(10.0);
            assertThat(finding.recommendation()).startsWith("Pool 'pg2' ran out of connections: raise maxSize above 2");
        }
    }

    @Test
    void shouldInsertExactlyNRowsCountedBackWhenBatchRuns() throws Exception {
        Databases.exec(pool.dataSource(), "DROP TABLE IF EXISTS pg_events",
                "CREATE TABLE pg_events (id BIGINT PRIMARY KEY, payload VARCHAR(20))");
        SqlBatch insert = SqlBatch.custom("insert events", "INSERT INTO pg_events (id, payload) VALUES (?, ?)")
                .rows(2_345, (s, i) -> new Object[] {(long) i, "event " + i}).batchSize(500).build();
        AtomicReference<BatchResult> result = new AtomicReference<>();

        Runs.once(s -> result.set(pool.batch(insert, s)));

        assertThat(result.get()).isEqualTo(new BatchResult(2_345, 5, 2_345, 0));
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(*) FROM pg_events")).isEqualTo(2_345);
    }

    @Test
    void shouldReadAMillionRowsWithinTheHeapBoundOnlyWhenStreamed() throws Exception {
        Dataset big = Dataset.custom().users(2_000).reports(500).tablePrefix("pgbig_").build();
        big.create(pool.dataSource());
        try {
            SuiteResult streamed = WorkloadSuites.largeResultRead(config, big, 1_000_000, 1_000);
            SuiteResult whole = WorkloadSuites.largeResultRead(config, big, 1_000_000, 0);

            assertThat(streamed.problems()).isEmpty();
            assertThat(streamed.count(SuiteResult.ROWS_READ)).isEqualTo(1_000_000);
            assertThat(streamed.count(SuiteResult.HEAP_NEEDED_BYTES)).isLessThan(WorkloadSuitesTest.HEAP_BOUND_BYTES);
            assertThat(whole.count(SuiteResult.ROWS_READ)).isEqualTo(1_000_000);
            assertThat(whole.count(SuiteResult.HEAP_NEEDED_BYTES))
                    .as("without a fetch size the driver holds the whole result: the probe sees it")
                    .isGreaterThan(3 * WorkloadSuitesTest.HEAP_BOUND_BYTES);
            System.err.printf("[perf-jdbc] PostgreSQL: 1,000,000 rows needed %.1f MB of live heap streamed (fetch size 1000),"
                            + " %.1f MB without a fetch size%n", streamed.count(SuiteResult.HEAP_NEEDED_BYTES) / 1048576.0,
                    whole.count(SuiteResult.HEAP_NEEDED_BYTES) / 1048576.0);
        } finally {
            big.drop(pool.dataSource());
        }
    }

    // ------------------------------------------------------------------ the suites

    @Test
    void shouldPassConcurrentBulkAndPoolSuitesWhenRunOnPostgres() throws Exception {
        SuiteResult concurrent = WorkloadSuites.concurrentOperations(config, DATASET);
        SuiteResult bulk = WorkloadSuites.bulkOperations(config, DATASET);
        SuiteResult underLoad = WorkloadSuites.poolUnderLoad(config, DATASET);

        assertThat(concurrent.problems()).isEmpty();
        assertThat(concurrent.count(SuiteResult.OPERATIONS)).isEqualTo(500);
        assertThat(bulk.problems()).isEmpty();
        assertThat(bulk.count(SuiteResult.COUNTED_AFTER_INSERT)).isEqualTo(1_000);
        assertThat(bulk.count(SuiteResult.COUNTED_AFTER_DELETE)).isZero();
        assertThat(underLoad.problems()).isEmpty();
        assertThat(underLoad.count(SuiteResult.OPERATIONS)).isEqualTo(200);
    }

    @Test
    void shouldCategoriseTimeoutWhenQueryOutlastsItsQueryTimeout() throws Exception {
        SqlQuery slow = SqlQuery.custom("slow", "SELECT pg_sleep(5)").queryTimeout(java.time.Duration.ofSeconds(1)).build();

        RunResult run = Runs.once(s -> pool.query(slow, s));

        SampleStats stats = run.sample("slow").orElseThrow();
        assertThat(Runs.failures(stats)).containsOnlyKeys("sql_timeout");
        assertThat(Runs.messages(stats)).startsWith("[57014] ERROR: canceling statement due to user request");
    }

    // ------------------------------------------------------------------ redaction

    @Test
    void shouldKeepPasswordOutOfTheFailureWhenPostgresRefusesTheLogin() {
        String secret = "not-the-Pa55word";
        String url = System.getenv(Databases.PG_URL);
        String withPassword = url + (url.contains("?") ? "&" : "?") + "password=" + secret;
        PoolConfig wrong = config.toBuilder().jdbcUrl(withPassword).password(null).build();

        assertThatThrownBy(() -> JdbcPool.create(wrong))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password=****")
                .satisfies(e -> {
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).doesNotContain(secret);
                    assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01");
                });
    }
}
