package dev.perfkit.examples.suites;

import dev.perfkit.core.Environment;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Statistic;
import dev.perfkit.core.Subject;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.UserType;
import dev.perfkit.examples.demo.DemoOptions;
import dev.perfkit.examples.demo.DemoSystem;
import dev.perfkit.jdbc.BatchResult;
import dev.perfkit.jdbc.Dataset;
import dev.perfkit.jdbc.JdbcPool;
import dev.perfkit.jdbc.Params;
import dev.perfkit.jdbc.PoolConfig;
import dev.perfkit.jdbc.QueryPatterns;
import dev.perfkit.jdbc.QueryResult;
import dev.perfkit.jdbc.SqlBatch;
import dev.perfkit.jdbc.SqlQuery;
import dev.perfkit.jdbc.WorkloadSuites;
import dev.perfkit.runner.Suite;
import dev.perfkit.runner.SuiteContext;
import dev.perfkit.runner.SuiteScenario;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The suite {@code db}: perf-jdbc's database kit against the demo's own database, through the
 * runner. Copy it as the shape of a database suite of your own.
 *
 * <pre>
 * ./perfkit run db                                   # against the demo started by the runner
 * ./perfkit run db --host http://127.0.0.1:8080 --jdbc-url 'jdbc:h2:tcp://...'
 * </pre>
 *
 * <p>perf-jdbc's {@link WorkloadSuites} run their own loads and return their own results, so they
 * do not fit the runner's model of scenarios it runs, judges and reports. This suite builds the same
 * five tests as scenarios of perf-jdbc's named statements ({@link QueryPatterns}, {@link SqlBatch},
 * {@link SqlQuery}) over the tables of the demo ({@code demo_users}, {@code demo_reports}), each with
 * a pool of its own on the target's JDBC URL:
 *
 * <table>
 *   <caption>The scenarios, in the order they run</caption>
 *   <tr><th>scenario</th><th>load</th><th>own rules (staging critical)</th></tr>
 *   <tr><td>{@code query-patterns}</td><td>10 users for {@link #HOLD}: primary-key lookup, filter, join,
 *       aggregation, offset and keyset pages, by equal weight</td><td>p95 of the join under 100 ms</td></tr>
 *   <tr><td>{@code concurrent-operations}</td><td>10 users × 50 operations: the queries and an update
 *       by the weights of {@code WorkloadSuites.concurrentOperations}</td><td>p95 under 100 ms</td></tr>
 *   <tr><td>{@code bulk-operations}</td><td>one iteration: insert 1,000 reports in batches of 100,
 *       update them, delete them, counting after each step</td><td>a step under 1 s</td></tr>
 *   <tr><td>{@code pool}</td><td>20 users × 10 joins against a pool of 5</td><td>none: the
 *       {@code pool_exhaustion} finding says how much users waited</td></tr>
 *   <tr><td>{@code large-result}</td><td>one read of {@link #LARGE_RESULT_ROWS} rows of the reports × users
 *       join, streamed with a fetch size of 1,000</td><td>the read under 10 s; the memory of the
 *       process by the environment's {@code sut.memory} rule</td></tr>
 * </table>
 * Besides, every scenario is judged by the environment's default rules (the mean and max of the
 * database statements, throughput, error rate, {@code sut.*}); the one-user scenarios replace the
 * throughput rule (a one-user job is judged by its time, not its rate) and the bulk and large-result
 * scenarios the statement time rules (a batch of 1,000 rows is no single-row statement). Every
 * scenario is a flat-out job (no think time) and the demo's database runs in the runner's JVM, so
 * the CPU rule only warns ({@link Levels#flatOut}). The bulk
 * scenario removes what it inserts; the others change only the users' {@code visits}.
 */
public final class DbSuite implements Suite {

    /** The hold of {@code query-patterns} without {@code --duration}. */
    public static final Duration HOLD = Duration.ofSeconds(20);
    /** The rows the large-result scenario reads: 200,000 of the default demo's 500,000. */
    public static final long LARGE_RESULT_ROWS = 200_000;
    /** The rows of the bulk scenario. */
    public static final int BULK_RECORDS = 1_000;


    /** Creates the suite; the runner does, through {@link java.util.ServiceLoader}. */
    public DbSuite() {
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public String description() {
        return "perf-jdbc's kit on the demo's database: query patterns, concurrent and bulk operations, a pool of 5 "
                + "under 20 users, a large result's memory";
    }

    @Override
    public List<SuiteScenario> scenarios(SuiteContext context) throws SQLException {
        String url = context.jdbcUrl().orElseThrow(() -> new IllegalStateException(
                "the db suite needs the target's database: a target that has one, or --jdbc-url with --host"));
        Environment env = context.environment();
        DemoAccess demo = DemoAccess.of(context);
        PoolConfig config = PoolConfig.custom().name("db-suite").jdbcUrl(url).maxSize(10).build();
        JdbcPool pool = JdbcPool.create(config);
        JdbcPool small = null;
        JdbcPool single = null;
        try {
            Dataset dataset = dataset(pool);
            QueryPatterns p = QueryPatterns.of(dataset);
            small = JdbcPool.create(config.toBuilder().name("db-suite-small").maxSize(5).minIdle(5).build());
            single = JdbcPool.create(config.toBuilder().name("db-suite-single").maxSize(1).minIdle(1).build());
            lazy(single);
            removeBulkLeftovers(pool, dataset);
            return List.of(
                    queryPatterns(demo, env, context.thresholds(), pool, p),
                    concurrentOperations(demo, env, context.thresholds(), pool, p),
                    bulkOperations(demo, env, context.thresholds(), pool, dataset),
                    poolUnderLoad(demo, context.thresholds(), small, p).closing(small),
                    largeResult(demo, env, context.thresholds(), single, dataset).closing(single).closing(pool));
        } catch (SQLException | RuntimeException e) {
            for (JdbcPool opened : new JdbcPool[] {single, small, pool}) {
                if (opened != null) {
                    opened.close();
                }
            }
            throw e;
        }
    }

    /** The demo's tables as a perf-jdbc dataset, with the rows they hold now. */
    private static Dataset dataset(JdbcPool pool) throws SQLException {
        Dataset tables = Dataset.custom().tablePrefix(DemoSystem.TABLE_PREFIX).seed(DemoOptions.DEFAULT_SEED).build();
        Dataset.Counts counts = tables.count(pool.dataSource());
        return tables.toBuilder().users((int) counts.users()).reports((int) counts.reports()).build();
    }

    private static SuiteScenario queryPatterns(DemoAccess demo, Environment env, Thresholds defaults, JdbcPool pool,
                                               QueryPatterns p) {
        Scenario scenario = Scenario.named("query-patterns").users(10).rampUp(Duration.ofSeconds(2)).hold(HOLD)
                .task(1, "lookup", pool.task(p.userById()))
                .task(1, "filter", pool.task(p.simpleFilter()))
                .task(1, "join", pool.task(p.complexJoin()))
                .task(1, "totals", pool.task(p.aggregation()))
                .task(1, "offset", pool.task(p.offsetPage()))
                .task(1, "keyset", pool.task(p.keysetPage()));
        Duration join = Duration.ofMillis(100);
        return scenario("query-patterns", scenario, demo, pool,
                defaults.p95("complex join").below(Levels.warning(env, join), Levels.critical(env, join)));
    }

    private static SuiteScenario concurrentOperations(DemoAccess demo, Environment env, Thresholds defaults,
                                                      JdbcPool pool, QueryPatterns p) {
        UserType operator = WorkloadSuites.operator(pool, p);
        Scenario scenario = Scenario.named("concurrent-operations").users(WorkloadSuites.DEFAULT_CONCURRENT_USERS)
                .iterationsPerUser(WorkloadSuites.DEFAULT_OPERATIONS_PER_USER).userType(operator)
                .maxDuration(WorkloadSuites.MAX_DURATION);
        Duration p95 = Duration.ofMillis(100);
        return scenario("concurrent-operations", scenario, demo, pool,
                defaults.p95().below(Levels.warning(env, p95), Levels.critical(env, p95)));
    }

    private static SuiteScenario bulkOperations(DemoAccess demo, Environment env, Thresholds defaults, JdbcPool pool,
                                                Dataset dataset) {
        String reports = dataset.reportsTable();
        long first = WorkloadSuites.BULK_FIRST_ID;
        long last = first + BULK_RECORDS - 1;
        int users = dataset.users();
        SqlBatch insert = SqlBatch.custom("bulk insert", "INSERT INTO " + reports
                        + " (id, user_id, title, category, status, amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .rows(BULK_RECORDS, (s, i) -> new Object[] {first + i, (long) (1 + i % users), "Bulk report " + i,
                        Dataset.CATEGORIES.get(i % Dataset.CATEGORIES.size()), "draft", BigDecimal.valueOf(100 + i, 2),
                        Dataset.EPOCH.plusMinutes(i)})
                .batchSize(WorkloadSuites.BULK_BATCH_SIZE).build();
        SqlBatch update = SqlBatch.custom("bulk update", "UPDATE " + reports + " SET status = 'archived' WHERE id = ?")
                .rows(BULK_RECORDS, (s, i) -> new Object[] {first + i}).batchSize(WorkloadSuites.BULK_BATCH_SIZE).build();
        SqlBatch delete = SqlBatch.custom("bulk delete", "DELETE FROM " + reports + " WHERE id = ?")
                .rows(BULK_RECORDS, (s, i) -> new Object[] {first + i}).batchSize(WorkloadSuites.BULK_BATCH_SIZE).build();
        SqlQuery count = SqlQuery.custom("bulk count", "SELECT COUNT(*) FROM " + reports + " WHERE id BETWEEN ? AND ?")
                .params(Params.of(first, last)).keepRows(1).build();
        // One iteration in all, whatever --users says: the steps run in order, each checking what it did.
        UserType loader = UserType.named("loader")
                .step("insert", s -> expect("inserted", pool.batch(insert, s), BULK_RECORDS))
                .step("count-inserted", s -> expect("counted", pool.query(count, s), BULK_RECORDS))
                .step("update", s -> expect("updated", pool.batch(update, s), BULK_RECORDS))
                .step("delete", s -> expect("deleted", pool.batch(delete, s), BULK_RECORDS))
                .step("count-deleted", s -> expect("left", pool.query(count, s), 0));
        Scenario scenario = Scenario.named("bulk-operations").users(1).iterations(1).userType(loader)
                .maxDuration(WorkloadSuites.MAX_DURATION);
        Duration step = Duration.ofSeconds(1);
        return scenario("bulk-operations", scenario, demo, pool, oneUser(defaults)
                .on(Subject.DATABASE, Statistic.MEAN).below(Levels.warning(env, step), Levels.critical(env, step))
                .on(Subject.DATABASE, Statistic.MAX).below(Levels.warning(env, step), Levels.critical(env, step)));
    }

    private static SuiteScenario poolUnderLoad(DemoAccess demo, Thresholds defaults, JdbcPool small, QueryPatterns p) {
        Scenario scenario = Scenario.named("pool").users(WorkloadSuites.DEFAULT_CONCURRENT_REQUESTS)
                .iterationsPerUser(WorkloadSuites.REQUESTS_PER_USER)
                .task(1, "join", small.task(p.complexJoin())).maxDuration(WorkloadSuites.MAX_DURATION);
        return scenario("pool", scenario, demo, small, defaults);
    }

    private static SuiteScenario largeResult(DemoAccess demo, Environment env, Thresholds defaults, JdbcPool single,
                                             Dataset dataset) {
        long rows = Math.min(LARGE_RESULT_ROWS, (long) dataset.users() * dataset.reports());
        SqlQuery large = SqlQuery.custom("large result", "SELECT r.id, r.title, r.category, r.amount, u.name, u.email FROM "
                        + dataset.reportsTable() + " r CROSS JOIN " + dataset.usersTable() + " u FETCH FIRST ? ROWS ONLY")
                .params(Params.of(rows)).fetchSize(WorkloadSuites.DEFAULT_FETCH_SIZE).build();
        Scenario scenario = Scenario.named("large-result").users(1).iterations(1)
                .task(1, "read", s -> expect("read", single.query(large, s), rows))
                .maxDuration(WorkloadSuites.MAX_DURATION);
        Duration read = Duration.ofSeconds(10);
        return scenario("large-result", scenario, demo, single, oneUser(defaults)
                .on(Subject.DATABASE, Statistic.MEAN).below(Levels.warning(env, read), Levels.critical(env, read))
                .on(Subject.DATABASE, Statistic.MAX).below(Levels.warning(env, read), Levels.critical(env, read)));
    }

    /** The defaults with the throughput rule of a one-user job: it made progress at all. */
    private static Thresholds oneUser(Thresholds defaults) {
        return defaults.throughput().atLeast(0.1);
    }

    private static SuiteScenario scenario(String name, Scenario scenario, DemoAccess demo, JdbcPool pool,
                                          Thresholds thresholds) {
        return SuiteScenario.of(name, scenario, Levels.flatOut(thresholds)).withOptions(pool.addGaugesTo(demo.options()).build());
    }


    private static void expect(String what, BatchResult result, long rows) {
        if (result.rowsAffected() != rows) {
            throw new IllegalStateException(what + " " + result.rowsAffected() + " rows, expected " + rows);
        }
    }

    private static void expect(String what, QueryResult result, long rows) {
        long actual = result.keptRows().isEmpty() ? result.rows()
                : ((Number) result.keptRows().get(0).get(0)).longValue();
        if (actual != rows) {
            throw new IllegalStateException(what + " " + actual + " rows, expected " + rows);
        }
    }

    /** Switches H2 to streaming results (lazy execution) on the pool's only connection. */
    private static void lazy(JdbcPool single) throws SQLException {
        try (Connection c = single.dataSource().getConnection()) {
            if (c.getMetaData().getDatabaseProductName().equalsIgnoreCase("h2")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            }
        }
    }

    /** Deletes the rows of an earlier bulk run that was stopped between its insert and its delete. */
    private static void removeBulkLeftovers(JdbcPool pool, Dataset dataset) throws SQLException {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + dataset.reportsTable() + " WHERE id >= " + WorkloadSuites.BULK_FIRST_ID);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
