package dev.perfkit.examples.demo;

import dev.perfkit.jdbc.Dataset;
import dev.perfkit.jdbc.JdbcPool;
import dev.perfkit.jdbc.PoolConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo system's database: an in-memory H2 database filled by perf-jdbc's {@link Dataset},
 * behind a fixed-size HikariCP pool ({@link JdbcPool}). Every statement goes through {@link Sql},
 * which counts it and pays the simulated round trip while the connection is held.
 */
final class DemoDatabase implements AutoCloseable {

    /** The pool's name: its gauges are {@code demo-db.active}, {@code .waiting}, ... */
    static final String POOL_NAME = "demo-db";
    /** How long a request waits for a connection before it fails with 503. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** The prefix of the dataset's tables: {@code demo_users}, {@code demo_reports}. */
    static final String TABLE_PREFIX = "demo_";
    /** The index that {@link DemoIssue#SLOW_QUERY} leaves out. */
    static final String TITLE_INDEX = "demo_reports_title";

    private final Dataset dataset;
    private final String jdbcUrl;
    private final JdbcPool pool;
    private final long roundTripNanos;
    private final LongAdder statements = new LongAdder();

    private DemoDatabase(Dataset dataset, String jdbcUrl, JdbcPool pool, Duration roundTrip) {
        this.dataset = dataset;
        this.jdbcUrl = jdbcUrl;
        this.pool = pool;
        this.roundTripNanos = roundTrip.toNanos();
    }

    /** Creates a fresh database of its own, fills it and starts the pool. */
    static DemoDatabase start(DemoOptions options) throws SQLException {
        String url = "jdbc:h2:mem:perfkit-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE";
        Dataset dataset = Dataset.custom().users(options.users()).reports(options.reports()).seed(options.seed())
                .tablePrefix(TABLE_PREFIX).build();
        JdbcPool pool = JdbcPool.create(PoolConfig.custom().name(POOL_NAME).jdbcUrl(url)
                .maxSize(options.effectivePoolSize()).connectionTimeout(CONNECTION_TIMEOUT).build());
        try {
            dataset.create(pool.dataSource());
            try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
                if (!options.planted(DemoIssue.SLOW_QUERY)) {
                    s.executeUpdate("CREATE INDEX " + TITLE_INDEX + " ON " + dataset.reportsTable() + " (title, id)");
                }
                s.executeUpdate("CREATE SEQUENCE demo_report_ids START WITH " + (options.reports() + 1L));
                s.executeUpdate("ALTER TABLE " + dataset.reportsTable() + " ALTER COLUMN id SET DEFAULT NEXT VALUE FOR demo_report_ids");
            }
            openAll(pool, options.effectivePoolSize());
        } catch (SQLException | RuntimeException e) {
            shutdown(pool);
            throw e;
        }
        return new DemoDatabase(dataset, url, pool, options.dbRoundTrip());
    }

    /**
     * Takes every connection of the pool at once and gives them back: HikariCP opens connections in
     * the background, and without this the first requests of a run would wait for them.
     */
    private static void openAll(JdbcPool pool, int size) throws SQLException {
        List<Connection> open = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                open.add(pool.dataSource().getConnection());
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    Dataset dataset() {
        return dataset;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    JdbcPool pool() {
        return pool;
    }

    /** Returns the SQL statements executed since start (set-up not included). */
    long statements() {
        return statements.sum();
    }

    /** Runs some work on one connection of the pool, given back afterwards. */
    <T> T withConnection(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.dataSource().getConnection()) {
            return work.run(new Sql(c));
        }
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Sql sql) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The statements of one request on its connection: each counted and paying the round trip. */
    final class Sql {
        private final Connection connection;

        private Sql(Connection connection) {
            this.connection = connection;
        }

        <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
            try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            } finally {
                roundTrip();
            }
        }

        <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
            return list(sql, mapper, params).stream().findFirst();
        }

        long insert(String sql, String keyColumn, Object... params) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql, new String[] {keyColumn})) {
                bind(ps, params);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no generated key returned for " + keyColumn);
                    }
                    return keys.getLong(1);
                }
            } finally {
                roundTrip();
            }
        }

        private PreparedStatement prepare(String sql, Object... params) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            try {
                bind(ps, params);
                return ps;
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
        }

        private void bind(PreparedStatement ps, Object... params) throws SQLException {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
        }
    }

    private void roundTrip() {
        statements.increment();
        long end = System.nanoTime() + roundTripNanos;
        for (long left = roundTripNanos; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);   // parkNanos may return early: park for what is left
        }
    }

    /** Drops the in-memory database and closes the pool. */
    @Override
    public void close() {
        shutdown(pool);
    }

    private static void shutdown(JdbcPool pool) {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // The database is gone with the JVM anyway; closing the pool below is what matters.
        } finally {
            pool.close();
        }
    }
}
