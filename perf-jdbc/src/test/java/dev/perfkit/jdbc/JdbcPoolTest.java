package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.Feeder;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.SessionKey;
import dev.perfkit.core.TaskFailure;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a real embedded database (H2): statements, recording, parameters, transactions, categories. */
class JdbcPoolTest {

    private JdbcPool pool;

    @BeforeEach
    void createPool() throws Exception {
        pool = JdbcPool.create(Databases.h2(4).build());
        Databases.h2Functions(pool.dataSource());
        Databases.exec(pool.dataSource(),
                "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(50), note VARCHAR(50))",
                "INSERT INTO items (id, name) SELECT X, 'item ' || X FROM SYSTEM_RANGE(1, 1000)");
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void shouldRecordQueryUnderItsNameAndAcquireAsTimingWhenQueryRuns() throws Exception {
        SqlQuery firstThree = SqlQuery.custom("first items", "SELECT id, name, note FROM items WHERE id <= ? ORDER BY id")
                .params(Params.of(10)).keepRows(3).build();
        AtomicReference<QueryResult> result = new AtomicReference<>();

        RunResult run = Runs.once(s -> result.set(pool.query(firstThree, s)));

        assertThat(result.get().rows()).isEqualTo(10);
        assertThat(result.get().columns()).containsExactly("ID", "NAME", "NOTE");
        assertThat(result.get().keptRows()).hasSize(3);
        assertThat(result.get().keptRows().get(0)).containsExactly(1L, "item 1", null);
        SampleStats query = run.sample("first items").orElseThrow();
        assertThat(query.kind()).isEqualTo(SampleKind.REQUEST);
        assertThat(query.count()).isEqualTo(1);
        assertThat(query.failures()).isZero();
        SampleStats acquire = run.sample("h2.acquire").orElseThrow();
        assertThat(acquire.kind()).isEqualTo(SampleKind.TIMING);
        assertThat(acquire.count()).isEqualTo(1);
        assertThat(run.total().count()).as("the total counts statements, not the task around them").isEqualTo(1);
        assertThat(run.samples()).extracting(SampleStats::name).doesNotContain(firstThree.sql());
    }

    @Test
    void shouldStreamEveryRowToConsumerAndRestoreAutoCommitWhenFetchSizeIsSet() throws Exception {
        AtomicLong sum = new AtomicLong();
        SqlQuery all = SqlQuery.custom("all items", "SELECT id FROM items").fetchSize(100)
                .forEachRow((s, row) -> sum.addAndGet(row.getLong(1))).build();
        AtomicReference<QueryResult> result = new AtomicReference<>();

        try (Connection c = pool.dataSource().getConnection()) {
            RunResult run = Runs.once(s -> result.set((QueryResult) pool.execute(all, s, c)));

            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isClosed()).as("the caller's connection stays open").isFalse();
            assertThat(run.sample("h2.acquire")).as("no acquire on the caller's connection").isEmpty();
        }
        assertThat(result.get().rows()).isEqualTo(1000);
        assertThat(result.get().keptRows()).isEmpty();
        assertThat(sum.get()).isEqualTo(1000L * 1001 / 2);
    }

    @Test
    void shouldBindParametersFromSessionAndFeederWhenStatementsRun() throws Exception {
        SessionKey<Long> id = SessionKey.of("id", Long.class);
        Feeder<Map<String, String>> names = Feeder.circular(List.of(Map.of("name", "item 7"), Map.of("name", "item 8")));
        SqlQuery byId = SqlQuery.custom("item by id", "SELECT name FROM items WHERE id = ?")
                .params(Params.fromSession(id)).keepRows(1).build();
        SqlQuery byName = SqlQuery.custom("item by name", "SELECT id FROM items WHERE name = ?")
                .params(Params.fromFeeder(names, "name")).keepRows(1).build();
        SqlUpdate note = SqlUpdate.custom("set note", "UPDATE items SET note = ? WHERE id = ?")
                .params(s -> new Object[] {null, s.get(id)}).build();
        AtomicReference<List<Object>> seen = new AtomicReference<>();

        RunResult run = Runs.once(s -> {
            s.set(id, 42L);
            Object name = pool.query(byId, s).keptRows().get(0).get(0);
            Object first = pool.query(byName, s).keptRows().get(0).get(0);
            Object second = pool.query(byName, s).keptRows().get(0).get(0);
            long updated = pool.update(note, s).rowsAffected();
            seen.set(List.of(name, first, second, updated));
        });

        assertThat(run.total().failures()).isZero();
        assertThat(seen.get()).containsExactly("item 42", 7L, 8L, 1L);
    }

    @Test
    void shouldInsertExactlyNRowsCountedBackWhenBatchRuns() throws Exception {
        Databases.exec(pool.dataSource(), "CREATE TABLE events (id BIGINT PRIMARY KEY, payload VARCHAR(20))");
        SqlBatch insert = SqlBatch.custom("insert events", "INSERT INTO events (id, payload) VALUES (?, ?)")
                .rows(1_001, (s, i) -> new Object[] {(long) i, "event " + i}).batchSize(100).build();
        AtomicReference<BatchResult> result = new AtomicReference<>();

        RunResult run = Runs.once(s -> result.set(pool.batch(insert, s)));

        assertThat(run.sample("insert events").orElseThrow().count()).isEqualTo(1);
        assertThat(result.get()).isEqualTo(new BatchResult(1_001, 11, 1_001, 0));
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(*) FROM events")).isEqualTo(1_001);
    }

    @Test
    void shouldRollBackEveryBatchWhenOneRowViolatesConstraint() throws Exception {
        Databases.exec(pool.dataSource(), "CREATE TABLE events (id BIGINT PRIMARY KEY)");
        SqlBatch insert = SqlBatch.custom("insert events", "INSERT INTO events (id) VALUES (?)")
                .rows(300, (s, i) -> new Object[] {i == 250 ? 3L : (long) i}).batchSize(100).build();

        RunResult run = Runs.once(s -> pool.batch(insert, s));

        SampleStats stats = run.sample("insert events").orElseThrow();
        assertThat(stats.failures()).isEqualTo(1);
        assertThat(Runs.failures(stats)).containsOnlyKeys("sql_constraint");
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(*) FROM events"))
                .as("the first two batches were rolled back with the third").isZero();
    }

    @Test
    void shouldCommitTransactionAndRecordStepTimingsWhenAllStepsSucceed() throws Exception {
        SqlTransaction rename = SqlTransaction.custom("rename")
                .step(SqlUpdate.custom("rename one", "UPDATE items SET name = 'renamed' WHERE id = 1").build())
                .step(SqlQuery.custom("check one", "SELECT name FROM items WHERE id = 1").keepRows(1).build())
                .isolation(SqlTransaction.Isolation.SERIALIZABLE)
                .build();
        AtomicReference<TransactionResult> result = new AtomicReference<>();

        RunResult run = Runs.once(s -> result.set(pool.transaction(rename, s)));

        assertThat(result.get().committed()).isTrue();
        assertThat(result.get().steps()).hasSize(2);
        assertThat(((QueryResult) result.get().steps().get(1)).keptRows().get(0)).containsExactly("renamed");
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(*) FROM items WHERE name = 'renamed'")).isEqualTo(1);
        assertThat(run.total().count()).as("a transaction is one request").isEqualTo(1);
        assertThat(rename.stepTimings()).containsExactly("rename/rename one", "rename/check one");
        for (String timing : List.of("rename/rename one", "rename/check one", "rename/commit")) {
            assertThat(run.sample(timing).orElseThrow().kind()).isEqualTo(SampleKind.TIMING);
        }
        assertThat(run.sample("rename one")).as("steps are timings of the transaction, not requests").isEmpty();
    }

    @Test
    void shouldRollBackTransactionAndNameTheStepWhenStepFails() throws Exception {
        SqlTransaction twice = SqlTransaction.custom("insert twice")
                .step(SqlUpdate.custom("first insert", "INSERT INTO items (id, name) VALUES (5000, 'new')").build())
                .step(SqlUpdate.custom("second insert", "INSERT INTO items (id, name) VALUES (5000, 'again')").build())
                .build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();

        RunResult run = Runs.once(s -> {
            try {
                pool.transaction(twice, s);
            } catch (TaskFailure e) {
                thrown.set(e);
                throw e;
            }
        });

        assertThat(thrown.get()).isInstanceOf(TaskFailure.class);
        assertThat(((TaskFailure) thrown.get()).category()).isEqualTo("sql_constraint");
        SampleStats stats = run.sample("insert twice").orElseThrow();
        assertThat(Runs.failures(stats)).containsEntry("sql_constraint", 1L);
        assertThat(Runs.messages(stats)).startsWith("[23505] step 'second insert': ");
        assertThat(run.sample("once").orElseThrow().failures()).as("the task fails too").isEqualTo(1);
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(*) FROM items WHERE id = 5000"))
                .as("the first step was rolled back").isZero();
    }

    @Test
    void shouldLeaveDataUnchangedWhenTransactionRollsBackAtEnd() throws Exception {
        SqlTransaction dryRun = SqlTransaction.custom("dry run")
                .step(SqlUpdate.custom("wipe", "DELETE FROM items").build())
                .rollbackAtEnd(true).build();
        AtomicReference<TransactionResult> result = new AtomicReference<>();

        RunResult run = Runs.once(s -> result.set(pool.transaction(dryRun, s)));

        assertThat(result.get().committed()).isFalse();
        assertThat(((UpdateResult) result.get().steps().get(0)).rowsAffected()).isEqualTo(1000);
        assertThat(run.sample("dry run/rollback")).isPresent();
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(*) FROM items")).isEqualTo(1000);
    }

    @Test
    void shouldCategoriseEachFailureWhenStatementsFail() throws Exception {
        SqlQuery syntax = SqlQuery.custom("bad syntax", "SELEC id FROM items").build();
        SqlQuery unknownTable = SqlQuery.custom("unknown table", "SELECT id FROM no_such_table").build();
        SqlUpdate duplicate = SqlUpdate.custom("duplicate", "INSERT INTO items (id) VALUES (2)").build();
        // H2 cannot cancel a Java function mid-call, so the timeout here is a lock timeout; PostgresTest
        // cancels a query by its query timeout.
        SqlTransaction locked = SqlTransaction.custom("locked")
                .step(SqlUpdate.custom("short lock wait", "SET LOCK_TIMEOUT 200").build())
                .step(SqlUpdate.custom("update held row", "UPDATE items SET note = 'mine' WHERE id = 1").build())
                .build();
        SqlQuery brokenParams = SqlQuery.custom("broken params", "SELECT 1").params(s -> {
            throw new IllegalStateException("no parameters today");
        }).build();
        List<SqlStatement> all = List.of(syntax, unknownTable, duplicate, locked, brokenParams);

        RunResult run;
        try (Connection holder = pool.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var s = holder.createStatement()) {
                s.executeUpdate("UPDATE items SET note = 'held' WHERE id = 1"); // holds the row lock until rollback
            }
            run = Runs.once(s -> {
                for (SqlStatement statement : all) {
                    try {
                        pool.execute(statement, s);
                    } catch (RuntimeException expected) {
                        // each failure is data; go on with the next statement
                    }
                }
            });
            holder.rollback();
        }

        assertThat(Runs.failures(run.sample("bad syntax").orElseThrow())).containsOnlyKeys("sql_syntax");
        assertThat(Runs.failures(run.sample("unknown table").orElseThrow())).containsOnlyKeys("sql_syntax");
        assertThat(Runs.failures(run.sample("duplicate").orElseThrow())).containsOnlyKeys("sql_constraint");
        assertThat(Runs.failures(run.sample("locked").orElseThrow())).containsOnlyKeys("sql_timeout");
        assertThat(Runs.messages(run.sample("locked").orElseThrow())).startsWith("[HYT00] step 'update held row': ");
        assertThat(run.sample("broken params"))
                .as("parameters are computed before the statement's clock starts: a user error, not a statement")
                .isEmpty();
    }

    @Test
    void shouldFailWithPoolTimeoutWhenNoConnectionComesFreeInTime() throws Exception {
        try (JdbcPool one = JdbcPool.create(Databases.h2(1).minIdle(1).connectionTimeout(Duration.ofMillis(250)).build())) {
            SqlQuery ping = SqlQuery.custom("ping", "SELECT 1").build();
            RunResult run;
            try (Connection held = one.dataSource().getConnection()) {
                assertThat(held.isValid(1)).isTrue();
                run = Runs.once(s -> one.query(ping, s));
            }

            SampleStats stats = run.sample("ping").orElseThrow();
            assertThat(Runs.failures(stats)).containsOnlyKeys("pool_timeout");
            assertThat(Runs.messages(stats)).isEqualTo("no connection within 250ms (pool 'h2', max size 1)");
            assertThat(run.sample("h2.acquire").orElseThrow().count()).as("a failed wait is still a wait").isEqualTo(1);
            assertThat(Runs.failures(run.sample("once").orElseThrow())).containsOnlyKeys("pool_timeout");
        }
    }

    @Test
    void shouldUseOwnDataSourceUnchangedWithoutGaugesWhenWrapped() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:wrapped" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
        Databases.exec(h2, "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1), (2)");
        JdbcPool wrapped = JdbcPool.wrap("mine", h2);
        SqlQuery count = SqlQuery.custom("count t", "SELECT id FROM t").build();
        AtomicLong rows = new AtomicLong();

        RunResult run = Runs.once(s -> rows.set(wrapped.query(count, s).rows()));
        wrapped.close();

        assertThat(rows.get()).isEqualTo(2);
        assertThat(wrapped.gauges()).isEmpty();
        assertThat(wrapped.metrics()).isEmpty();
        assertThat(wrapped.config()).isEmpty();
        assertThat(wrapped.dataSource()).isSameAs(h2);
        assertThat(run.sample("mine.acquire")).isPresent();
        assertThat(Databases.count(h2, "SELECT COUNT(*) FROM t")).as("close() left it usable").isEqualTo(2);
    }

    @Test
    void shouldReadHikariGaugesWhenWrappedDataSourceIsAHikariPool() throws Exception {
        JdbcPool wrapped = JdbcPool.wrap("again", pool.dataSource());

        assertThat(wrapped.gauges()).containsOnlyKeys("again.active", "again.idle", "again.total", "again.waiting", "again.max");
        assertThat(wrapped.metrics().orElseThrow().maxSize()).isEqualTo(4);
        wrapped.close();
        assertThat(pool.metrics()).as("the wrapped pool stays open").isPresent();
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(*) FROM items")).isEqualTo(1000);
    }

    @Test
    void shouldSampleEveryGaugeIntoEveryIntervalWhenGaugesAreAdded() throws Exception {
        SqlQuery ping = SqlQuery.custom("ping", "SELECT SLEEP_MS(5)").build();

        RunResult run = Runs.users(pool, 3, 20, s -> pool.query(ping, s));

        assertThat(run.intervals()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.gauges()).containsOnlyKeys("h2.active", "h2.idle", "h2.total", "h2.waiting", "h2.max");
            assertThat(i.gauges().get("h2.max")).isEqualTo(4.0);
            assertThat(i.gauges().get("h2.total")).isBetween(1.0, 4.0);
            // HikariCP counts reserved and removed connections in the total, and the gauges are read
            // one after the other: active + idle never exceeds the total, but may be below it.
            assertThat(i.gauges().get("h2.active") + i.gauges().get("h2.idle")).isLessThanOrEqualTo(i.gauges().get("h2.total"));
        });
        assertThat(run.sample("ping").orElseThrow().count()).isEqualTo(60);
        assertThat(run.sample("h2.acquire").orElseThrow().count()).isEqualTo(60);
        PoolMetrics now = pool.metrics().orElseThrow();
        assertThat(now.active()).isZero();
        assertThat(now.waiting()).isZero();
        assertThat(now.maxSize()).isEqualTo(4);
    }

    @Test
    void shouldRejectSecondPoolOfSameNameWhenGaugesAreAddedTwice() throws Exception {
        try (JdbcPool other = JdbcPool.create(Databases.h2(1).build())) {
            assertThatThrownBy(() -> other.addGaugesTo(pool.addGaugesTo(dev.perfkit.core.RunOptions.custom())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("h2.active");
        }
    }
}
