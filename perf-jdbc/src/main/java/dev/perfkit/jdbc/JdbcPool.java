package dev.perfkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Session;
import dev.perfkit.core.Task;
import dev.perfkit.core.TaskFailure;
import dev.perfkit.jdbc.internal.HikariPools;
import dev.perfkit.jdbc.internal.Redactor;
import dev.perfkit.jdbc.internal.StatementRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;

/**
 * The JDBC adapter: a connection pool on HikariCP through which virtual users run named
 * statements, each recorded as a sample of the run.
 *
 * <pre>{@code
 * PoolConfig config = PoolConfig.custom().jdbcUrl(url).username("app").password(pw).maxSize(10).build();
 * SqlQuery byId = SqlQuery.custom("user by id", "SELECT name FROM users WHERE id = ?")
 *     .params(session -> new Object[] {session.random().nextLong(1, 1001)})
 *     .build();
 *
 * try (JdbcPool pool = JdbcPool.create(config)) {
 *     Scenario scenario = Scenario.named("lookups").users(10).hold(Duration.ofSeconds(30))
 *         .task(1, "lookup", pool.task(byId));                  // or: session -> pool.query(byId, session)
 *     RunResult result = LoadTest.run(scenario,
 *         pool.addGaugesTo(RunOptions.custom()).build());       // pool gauges in every interval
 *     PoolExhaustionFinding exhaustion = pool.checkExhaustion(result);
 * }
 * }</pre>
 *
 * <h2>One pool per scenario</h2>
 * Create a pool for a scenario's run and close it afterwards: the pool's gauges, its acquire-time
 * statistic and its exhaustion check then describe that run alone. Give the pools of one run
 * different {@link PoolConfig#name() names}.
 *
 * <h2>What a call records</h2>
 * <ul>
 *   <li>The statement's sample ({@link dev.perfkit.core.SampleKind#REQUEST}) under its name, from
 *       asking for a connection to giving it back: the time the application waited, pool wait
 *       included. A failure is recorded with its {@link SqlFailure category} and a message of
 *       one line, cleaned of secrets, then thrown as a {@link TaskFailure} with the same category,
 *       so the task fails too and an ordered flow stops; catch it to go on.</li>
 *   <li>The wait for the connection as the timing {@code <pool>.acquire}
 *       ({@link #acquireTimingName()}), failed waits included: its own statistic, out of the run's
 *       totals.</li>
 *   <li>For a {@link SqlTransaction}, each step and the commit as timings.</li>
 * </ul>
 * Parameters are computed before the clock starts. Statements run on the calling virtual thread;
 * the pool and this class are thread-safe.
 *
 * <h2>Gauges</h2>
 * {@link #addGaugesTo(RunOptions.Builder)} samples the pool into every interval of the run as
 * {@code <pool>.active}, {@code .idle}, {@code .total}, {@code .waiting} (virtual users waiting for
 * a connection) and {@code .max}. A pool {@link #wrap wrapped} around a data source that is not a
 * HikariCP pool has no gauges.
 *
 * <h2>Limits</h2>
 * Statements are prepared for each call (the driver or pool may cache them: PostgreSQL's driver
 * does after five uses). A failure of the pool itself to start is thrown by {@link #create} as a
 * {@link SQLException}; failures during the run are data.
 */
public final class JdbcPool implements AutoCloseable {

    /** Suffix of the acquire-time timing: {@code <pool>.acquire}. */
    public static final String ACQUIRE = ".acquire";
    /** Suffix of the gauge of connections lent out: {@code <pool>.active}. */
    public static final String ACTIVE = ".active";
    /** Suffix of the gauge of free open connections: {@code <pool>.idle}. */
    public static final String IDLE = ".idle";
    /** Suffix of the gauge of open connections: {@code <pool>.total}. */
    public static final String TOTAL = ".total";
    /** Suffix of the gauge of virtual users waiting for a connection: {@code <pool>.waiting}. */
    public static final String WAITING = ".waiting";
    /** Suffix of the gauge of the pool's maximum size: {@code <pool>.max}. */
    public static final String MAX = ".max";

    private final String name;
    private final DataSource dataSource;
    private final HikariDataSource hikari;
    private final boolean owned;
    private final PoolConfig config;
    private final StatementRunner runner;
    private final Map<String, DoubleSupplier> gauges;

    private JdbcPool(String name, DataSource dataSource, HikariDataSource hikari, boolean owned, PoolConfig config,
                     Redactor redactor) {
        this.name = name;
        this.dataSource = dataSource;
        this.hikari = hikari;
        this.owned = owned;
        this.config = config;
        String timeoutMessage = null;
        if (hikari != null) {
            timeoutMessage = "no connection within " + hikari.getConnectionTimeout() + "ms (pool '" + name + "', max size "
                    + hikari.getMaximumPoolSize() + ")";
        }
        this.runner = new StatementRunner(dataSource, name + ACQUIRE, timeoutMessage, redactor);
        Map<String, DoubleSupplier> g = new LinkedHashMap<>();
        if (hikari != null) {
            g.put(name + ACTIVE, gauge(HikariPoolMXBean::getActiveConnections));
            g.put(name + IDLE, gauge(HikariPoolMXBean::getIdleConnections));
            g.put(name + TOTAL, gauge(HikariPoolMXBean::getTotalConnections));
            g.put(name + WAITING, gauge(HikariPoolMXBean::getThreadsAwaitingConnection));
            g.put(name + MAX, () -> hikari.getMaximumPoolSize());
        }
        this.gauges = Collections.unmodifiableMap(g);
    }

    private DoubleSupplier gauge(ToIntFunction<HikariPoolMXBean> read) {
        return () -> HikariPools.read(hikari, read);
    }

    /**
     * Starts a HikariCP pool. It opens {@link PoolConfig#minIdle()} connections at once, so a wrong
     * URL or password fails here rather than in the run.
     *
     * @param config the pool's settings
     * @return the pool; close it after the run
     * @throws SQLException if the pool cannot start (unreachable database, wrong credentials, no
     *         driver for the URL); the message names the pool and masks every secret
     */
    public static JdbcPool create(PoolConfig config) throws SQLException {
        Objects.requireNonNull(config, "config");
        Redactor redactor = new Redactor(config.secrets());
        HikariDataSource hikari = HikariPools.start(config, redactor);
        return new JdbcPool(config.name(), hikari, hikari, true, config, redactor);
    }

    /**
     * Uses a data source of your own unchanged: connections are taken from it and closed after
     * each call, and {@link #close()} leaves it open. If it is a {@code HikariDataSource}, its
     * gauges are read too; otherwise the pool has no gauges, but the acquire time is still
     * recorded.
     *
     * @param name       the name for the acquire timing and gauges; non-blank, without whitespace
     * @param dataSource the data source
     * @return the adapter over it
     */
    public static JdbcPool wrap(String name, DataSource dataSource) {
        String checked = PoolConfig.custom().name(name).dataSource(Objects.requireNonNull(dataSource, "dataSource")).build().name();
        HikariDataSource hikari = dataSource instanceof HikariDataSource h ? h : null;
        return new JdbcPool(checked, dataSource, hikari, false, null, new Redactor(List.of()));
    }

    /** Returns the pool's name. */
    public String name() {
        return name;
    }

    /** Returns the data source the statements take their connections from (the HikariCP pool, or yours). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Returns the configuration the pool was created with; empty for a {@link #wrap wrapped} data source. */
    public Optional<PoolConfig> config() {
        return Optional.ofNullable(config);
    }

    /** Returns the name of the acquire-time timing: {@code <pool>.acquire}. */
    public String acquireTimingName() {
        return name + ACQUIRE;
    }

    /**
     * Returns the pool's state now.
     *
     * @return the snapshot; empty if the data source is not a HikariCP pool, or not started
     */
    public Optional<PoolMetrics> metrics() {
        HikariPoolMXBean bean = hikari == null ? null : hikari.getHikariPoolMXBean();
        if (bean == null) {
            return Optional.empty();
        }
        return Optional.of(new PoolMetrics(bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getTotalConnections(), bean.getThreadsAwaitingConnection(), hikari.getMaximumPoolSize()));
    }

    /**
     * Returns the pool's gauges by name, in the order active, idle, total, waiting, max; each reads
     * the pool's MXBean without blocking. Empty if the data source is not a HikariCP pool.
     *
     * @return the gauges, for {@link RunOptions.Builder#addGauge}
     */
    public Map<String, DoubleSupplier> gauges() {
        return gauges;
    }

    /**
     * Adds the pool's {@link #gauges()} to run options, so that every interval of the run holds
     * them.
     *
     * @param options the options being built
     * @return the same builder
     * @throws IllegalArgumentException if a gauge of that name is already there (two pools of one name)
     */
    public RunOptions.Builder addGaugesTo(RunOptions.Builder options) {
        Objects.requireNonNull(options, "options");
        gauges.forEach(options::addGauge);
        return options;
    }

    /**
     * Runs a statement on a connection of the pool and records it.
     *
     * @param statement the statement
     * @param session   the calling user's session
     * @return its result, of the statement's kind
     * @throws TaskFailure if it fails, after recording the failure; the category is the failure's
     */
    public StatementResult execute(SqlStatement statement, Session session) {
        return runner.run(Objects.requireNonNull(statement, "statement"), Objects.requireNonNull(session, "session"), null);
    }

    /**
     * Runs a statement on a connection of your own and records it, without an acquire timing.
     * The connection is neither closed nor committed, except for the transactions the statement
     * opens itself (a {@link SqlTransaction}, a {@link SqlBatch} in one transaction, a streaming
     * {@link SqlQuery}) when the connection is in auto-commit mode.
     *
     * @param statement  the statement
     * @param session    the calling user's session
     * @param connection the connection; used by this virtual user only during the call
     * @return its result
     * @throws TaskFailure if it fails, after recording the failure
     */
    public StatementResult execute(SqlStatement statement, Session session, Connection connection) {
        return runner.run(Objects.requireNonNull(statement, "statement"), Objects.requireNonNull(session, "session"),
                Objects.requireNonNull(connection, "connection"));
    }

    /**
     * Runs a query on a connection of the pool and records it.
     *
     * @param query   the query
     * @param session the calling user's session
     * @return the rows read, and those kept
     * @throws TaskFailure if it fails, after recording the failure
     */
    public QueryResult query(SqlQuery query, Session session) {
        return (QueryResult) execute(query, session);
    }

    /**
     * Runs an update on a connection of the pool and records it.
     *
     * @param update  the update
     * @param session the calling user's session
     * @return the update count
     * @throws TaskFailure if it fails, after recording the failure
     */
    public UpdateResult update(SqlUpdate update, Session session) {
        return (UpdateResult) execute(update, session);
    }

    /**
     * Runs a batch on a connection of the pool and records it.
     *
     * @param batch   the batch
     * @param session the calling user's session
     * @return the rows sent and affected
     * @throws TaskFailure if it fails, after recording the failure
     */
    public BatchResult batch(SqlBatch batch, Session session) {
        return (BatchResult) execute(batch, session);
    }

    /**
     * Runs a transaction on a connection of the pool and records it.
     *
     * @param transaction the transaction
     * @param session     the calling user's session
     * @return the steps' results
     * @throws TaskFailure if it fails, after rolling it back and recording the failure
     */
    public TransactionResult transaction(SqlTransaction transaction, Session session) {
        return (TransactionResult) execute(transaction, session);
    }

    /**
     * Returns a task that runs a statement, for {@code Scenario.task(weight, name, task)} or
     * {@code UserType.step(name, task)}. Give the task a name other than the statement's: the
     * engine records the task under its own name, and a sample name belongs to one kind of sample.
     *
     * @param statement the statement
     * @return the task
     */
    public Task task(SqlStatement statement) {
        Objects.requireNonNull(statement, "statement");
        return session -> runner.run(statement, session, null);
    }

    /**
     * Checks a run's result for exhaustion of this pool with the default criteria
     * ({@link PoolExhaustionCheck#defaults()}).
     *
     * @param result a result of a run that recorded this pool's gauges ({@link #addGaugesTo})
     * @return the finding
     */
    public PoolExhaustionFinding checkExhaustion(RunResult result) {
        return PoolExhaustionCheck.defaults().analyze(result, name);
    }

    /**
     * Closes the HikariCP pool this class created, with its connections; a {@link #wrap wrapped}
     * data source is left open. Idempotent.
     */
    @Override
    public void close() {
        if (owned && hikari != null) {
            hikari.close();
        }
    }

    /** Describes the pool with every secret masked. */
    @Override
    public String toString() {
        if (config != null) {
            return "JdbcPool[" + config + "]";
        }
        return "JdbcPool[name=" + name + ", wraps " + dataSource.getClass().getName() + "]";
    }
}
