package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry policy's mechanics on H2, with failures of state 40001 raised inside the database by
 * a function, or by the row consumer. Real deadlocks and serialization failures are produced on
 * PostgreSQL in {@link PostgresTest}.
 */
class DeadlockRetryTest {

    private static final DeadlockRetry FAST = DeadlockRetry.custom().maxAttempts(3).initialWait(Duration.ofMillis(1)).build();

    private JdbcPool pool;

    @BeforeEach
    void createPool() throws Exception {
        pool = JdbcPool.create(Databases.h2(2).build());
        Databases.h2Functions(pool.dataSource());
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void shouldSucceedAndRecordTheRetriedAttemptWhenFirstAttemptIsDeadlockVictim() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SqlQuery flaky = SqlQuery.custom("flaky", "SELECT 1").retry(FAST)
                .forEachRow((s, row) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new SQLTransactionRollbackException("chosen as deadlock victim", "40001");
                    }
                }).build();

        RunResult run = Runs.once(s -> pool.query(flaky, s));

        SampleStats main = run.sample("flaky").orElseThrow();
        assertThat(main.count()).isEqualTo(1);
        assertThat(main.failures()).as("the call succeeded after one retry").isZero();
        SampleStats retried = run.sample("flaky" + DeadlockRetry.RETRIED_SUFFIX).orElseThrow();
        assertThat(Runs.failures(retried)).containsExactly(java.util.Map.entry("sql_deadlock", 1L));
        assertThat(calls.get()).isEqualTo(2);
        assertThat(run.total().count()).as("two requests reached the database").isEqualTo(2);
    }

    @Test
    void shouldFailWithDeadlockAfterMaxAttemptsWhenDatabaseKeepsRefusing() throws Exception {
        SqlQuery doomed = SqlQuery.custom("doomed", "SELECT FAIL_WITH('40001')").retry(FAST).build();

        RunResult run = Runs.once(s -> pool.query(doomed, s));

        assertThat(Runs.failures(run.sample("doomed").orElseThrow())).containsOnlyKeys("sql_deadlock");
        assertThat(run.sample("doomed retried").orElseThrow().failures()).as("attempts 1 and 2 were retried").isEqualTo(2);
        assertThat(Runs.failures(run.sample("once").orElseThrow())).containsOnlyKeys("sql_deadlock");
    }

    @Test
    void shouldNotRetryWhenFailureIsNotADeadlock() throws Exception {
        SqlQuery broken = SqlQuery.custom("broken", "SELECT FAIL_WITH('23505')").retry(FAST).build();

        RunResult run = Runs.once(s -> pool.query(broken, s));

        assertThat(Runs.failures(run.sample("broken").orElseThrow())).containsOnlyKeys("sql_constraint");
        assertThat(run.sample("broken retried")).isEmpty();
    }

    @Test
    void shouldRetryWholeTransactionWhenAStepIsDeadlockVictim() throws Exception {
        Databases.exec(pool.dataSource(), "CREATE TABLE ledger (id INT PRIMARY KEY, amount INT)");
        AtomicInteger calls = new AtomicInteger();
        SqlTransaction transfer = SqlTransaction.custom("transfer")
                .step(SqlUpdate.custom("debit", "INSERT INTO ledger VALUES (1, -10)").build())
                .step(SqlQuery.custom("victim", "SELECT 1").forEachRow((s, row) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new SQLTransactionRollbackException("deadlock detected", "40P01");
                    }
                }).build())
                .step(SqlUpdate.custom("credit", "INSERT INTO ledger VALUES (2, 10)").build())
                .retry(FAST).build();

        RunResult run = Runs.once(s -> pool.transaction(transfer, s));

        assertThat(run.sample("transfer").orElseThrow().failures()).isZero();
        assertThat(run.sample("transfer retried").orElseThrow().failures()).isEqualTo(1);
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(*) FROM ledger"))
                .as("the first attempt was rolled back, so the debit is there once").isEqualTo(2);
    }

    @Test
    void shouldRejectRetriesThatCannotWorkWhenBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeadlockRetry.custom().maxAttempts(1))
                .withMessage("deadlockRetry: maxAttempts must be >= 2, was 1");
        assertThatIllegalArgumentException().isThrownBy(() -> SqlBatch.custom("b", "INSERT INTO t VALUES (?)")
                        .rows(10, (s, i) -> new Object[] {i}).oneTransaction(false).retry(FAST).build())
                .withMessage("batch[b]: retry needs oneTransaction(true): a retried call would repeat batches already committed");
        assertThatIllegalArgumentException().isThrownBy(() -> SqlTransaction.custom("t")
                        .step(SqlUpdate.custom("u", "DELETE FROM t").retry(FAST).build()))
                .withMessage("transaction[t]/step[u]: a step cannot have its own retry; set it on the transaction");
    }
}
