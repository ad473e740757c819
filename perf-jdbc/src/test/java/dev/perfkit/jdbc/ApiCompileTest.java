package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.Feeder;
import dev.perfkit.core.SessionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls the builders, copies and accessors of the API once, as perf-core's {@code ApiCompileTest}
 * does: it breaks at compile time when the API changes shape, and checks that {@code toBuilder()}
 * keeps every setting. Behaviour against databases is in the other test classes.
 */
class ApiCompileTest {

    @Test
    void shouldKeepEverySettingWhenStatementsAreCopiedWithToBuilder() {
        DeadlockRetry retry = DeadlockRetry.custom().maxAttempts(4).initialWait(Duration.ofMillis(3)).multiplier(1.5).build();
        RowConsumer consumer = (s, row) -> { };
        SqlQuery query = SqlQuery.custom("q", "SELECT ?").params(Params.of(1)).fetchSize(50).keepRows(2)
                .forEachRow(consumer).maxRows(10).queryTimeout(Duration.ofSeconds(3)).retry(retry).build();
        SqlUpdate update = SqlUpdate.custom("u", "UPDATE t SET a = ?").params(Params.none())
                .queryTimeout(Duration.ofSeconds(1)).retry(retry).build();
        BatchRows rows = (s, i) -> new Object[] {i};
        SqlBatch batch = SqlBatch.custom("b", "INSERT INTO t VALUES (?)").rows(7, rows).batchSize(3)
                .oneTransaction(true).queryTimeout(Duration.ofSeconds(2)).retry(retry).build();
        SqlTransaction tx = SqlTransaction.custom("t").step(query.toBuilder().retry(null).build()).step(batch.toBuilder().retry(null).build())
                .isolation(SqlTransaction.Isolation.READ_COMMITTED).rollbackAtEnd(true).retry(retry).build();

        SqlQuery q2 = query.toBuilder().build();
        assertThat(List.<Object>of(q2.name(), q2.sql(), q2.fetchSize(), q2.keepRows(), q2.maxRows()))
                .containsExactly("q", "SELECT ?", 50, 2, 10);
        assertThat(q2.rowConsumer()).containsSame(consumer);
        assertThat(q2.queryTimeout()).contains(Duration.ofSeconds(3));
        assertThat(q2.retry()).containsSame(retry);
        SqlUpdate u2 = update.toBuilder().build();
        assertThat(u2.sql()).isEqualTo("UPDATE t SET a = ?");
        assertThat(u2.queryTimeout()).contains(Duration.ofSeconds(1));
        SqlBatch b2 = batch.toBuilder().build();
        assertThat(List.of(b2.rows(), b2.batchSize())).containsExactly(7, 3);
        assertThat(b2.rowValues()).isSameAs(rows);
        assertThat(b2.oneTransaction()).isTrue();
        SqlTransaction t2 = tx.toBuilder().build();
        assertThat(t2.steps()).hasSize(2);
        assertThat(t2.isolation().level()).isEqualTo(java.sql.Connection.TRANSACTION_READ_COMMITTED);
        assertThat(t2.rollbackAtEnd()).isTrue();
        assertThat(t2.endTiming()).isEqualTo("t/rollback");
        assertThat(t2.retry()).containsSame(retry);
        assertThat(retry.toBuilder().build().toString()).isEqualTo(retry.toString());
        assertThat(List.<Object>of(retry.maxAttempts(), retry.initialWait(), retry.multiplier()))
                .containsExactly(4, Duration.ofMillis(3), 1.5);
    }

    @Test
    void shouldExposeDefaultsAsNamedConstantsWhenConfigsAreBuiltEmpty() {
        assertThat(DeadlockRetry.defaults().maxAttempts()).isEqualTo(DeadlockRetry.DEFAULT_MAX_ATTEMPTS);
        assertThat(QueryThresholds.defaults().maxMean()).isEqualTo(QueryThresholds.DEFAULT_MAX_MEAN);
        assertThat(QueryThresholds.defaults().toBuilder().maxTime(Duration.ofSeconds(1)).build().maxTime())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(PoolExhaustionCheck.defaults().acquirePercentile()).isEqualTo(PoolExhaustionCheck.DEFAULT_ACQUIRE_PERCENTILE);
        assertThat(PoolExhaustionCheck.defaults().maxWaitingShare()).isEqualTo(PoolExhaustionCheck.DEFAULT_MAX_WAITING_SHARE);
        Dataset d = Dataset.defaults();
        assertThat(List.of(d.users(), d.reports(), d.batchSize())).containsExactly(1_000, 500, 500);
        assertThat(d.seed()).isEqualTo(Dataset.DEFAULT_SEED);
        assertThat(d.tablePrefix()).isEqualTo(Dataset.DEFAULT_TABLE_PREFIX);
        assertThat(d.reportsTable()).isEqualTo("perf_reports");
        QueryPatterns p = QueryPatterns.of(d);
        assertThat(p.dataset()).isSameAs(d);
        assertThat(p.pageSize()).isEqualTo(QueryPatterns.DEFAULT_PAGE_SIZE);
        assertThat(p.queries()).extracting(SqlQuery::name)
                .containsExactly("simple filter", "complex join", "aggregation", "page offset", "page keyset");
        assertThat(p.touchUser().name()).isEqualTo("touch user");
        assertThat(SqlQuery.custom("q", "SELECT 1").build().fetchSize()).isEqualTo(SqlQuery.DEFAULT_FETCH_SIZE);
        assertThat(SqlBatch.custom("b", "X").rows(1, (s, i) -> new Object[0]).build().batchSize())
                .isEqualTo(SqlBatch.DEFAULT_BATCH_SIZE);
        assertThat(Arrays.stream(SqlFailure.values()).map(SqlFailure::category)).containsExactly("pool_timeout",
                "sql_connection", "sql_constraint", "sql_deadlock", "sql_syntax", "sql_timeout", "sql_other", "other");
    }

    @Test
    void shouldComputeParametersWhenFactoriesAreCalledFromATask() throws Exception {
        SessionKey<String> key = SessionKey.of("k", String.class);
        Feeder<Map<String, String>> feeder = Feeder.circular(List.of(Map.of("a", "1", "b", "2")));
        Feeder<Integer> numbers = Feeder.circular(List.of(5, 6));
        List<Object> seen = new ArrayList<>();

        Runs.once(s -> {
            s.set(key, "v");
            seen.addAll(List.of(Params.none().values(s)));
            seen.addAll(List.of(Params.of("x", 2).values(s)));
            seen.addAll(List.of(Params.fromSession(key).values(s)));
            seen.addAll(List.of(Params.fromFeeder(feeder, "b", "a").values(s)));
            seen.addAll(List.of(Params.fromFeeder(numbers, n -> new Object[] {n * 10}).values(s)));
        });

        assertThat(seen).containsExactly("x", 2, "v", "2", "1", 50);
    }

    @Test
    void shouldHoldTheirFieldsWhenResultsAreBuilt() {
        List<Object> row = new ArrayList<>(Arrays.asList(1L, null));
        QueryResult q = new QueryResult(3, List.of("ID", "NOTE"), List.of(row));
        row.set(0, 99L);

        assertThat(q.keptRows().get(0)).as("copied, nulls kept").containsExactly(1L, null);
        assertThat(new TransactionResult(true, List.of(q, new UpdateResult(2))).steps()).hasSize(2);
        assertThat(new BatchResult(10, 2, 10, 0).batches()).isEqualTo(2);
        assertThat(new PoolMetrics(1, 2, 3, 4, 5).waiting()).isEqualTo(4);
        assertThat(new ThresholdViolation("q", ThresholdViolation.MEAN, Duration.ofMillis(100), Duration.ofMillis(120)).message())
                .isEqualTo("q: mean 120.0 ms >= 100.0 ms");
    }
}
