package dev.perfkit.jdbc;

import java.time.Duration;
import java.util.Optional;

/**
 * A named {@code SELECT} (or any statement that returns rows). Each call counts the rows; it can
 * also keep the first rows as a light result, or stream every row to a {@link RowConsumer}.
 *
 * <pre>{@code
 * SqlQuery byId = SqlQuery.custom("user by id", "SELECT id, name FROM users WHERE id = ?")
 *     .params(session -> new Object[] {session.random().nextLong(1, 1001)})
 *     .keepRows(1)
 *     .build();
 *
 * SqlQuery export = SqlQuery.custom("export reports", "SELECT * FROM reports")
 *     .fetchSize(1_000)                                   // stream: never the whole result in memory
 *     .forEachRow((session, row) -> checksum.add(row.getLong(1)))
 *     .build();
 * }</pre>
 *
 * <h2>Large results</h2>
 * Without a fetch size, many drivers (PostgreSQL's among them) read the whole result into memory
 * before the first row is returned. With {@link Builder#fetchSize(int)} the driver fetches rows in
 * chunks; on PostgreSQL that works only inside a transaction, so the adapter runs a query with a
 * fetch size on a connection in auto-commit mode inside a read transaction of its own and commits
 * it afterwards. Count or stream such results; do not keep them ({@link Builder#keepRows(int)}
 * keeps at most {@link #MAX_KEPT_ROWS}).
 *
 * <p>An immutable value; {@link #custom(String, String)} starts a builder, {@link #toBuilder()} a
 * modified copy.
 */
public final class SqlQuery implements SqlStatement {

    /** The fetch size unless set: 0, the driver's own default. */
    public static final int DEFAULT_FETCH_SIZE = 0;
    /** The most rows a query may keep in its {@link QueryResult}. */
    public static final int MAX_KEPT_ROWS = 10_000;

    private final String name;
    private final String sql;
    private final Params params;
    private final int fetchSize;
    private final int keepRows;
    private final RowConsumer rowConsumer;
    private final int maxRows;
    private final Duration queryTimeout;
    private final DeadlockRetry retry;

    private SqlQuery(Builder b) {
        this.name = b.name;
        this.sql = b.sql;
        this.params = b.params;
        this.fetchSize = b.fetchSize;
        this.keepRows = b.keepRows;
        this.rowConsumer = b.rowConsumer;
        this.maxRows = b.maxRows;
        this.queryTimeout = b.queryTimeout;
        this.retry = b.retry;
    }

    /**
     * Starts a query.
     *
     * @param name the sample name, a template such as {@code "user by id"}; non-blank
     * @param sql  the SQL, with {@code ?} for parameters; non-blank
     * @return the builder
     */
    public static Builder custom(String name, String sql) {
        return new Builder(name, sql);
    }

    /** Returns a builder starting from this query. */
    public Builder toBuilder() {
        Builder b = new Builder(name, sql);
        b.params = params;
        b.fetchSize = fetchSize;
        b.keepRows = keepRows;
        b.rowConsumer = rowConsumer;
        b.maxRows = maxRows;
        b.queryTimeout = queryTimeout;
        b.retry = retry;
        return b;
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the SQL. */
    public String sql() {
        return sql;
    }

    /** Returns how the parameters are computed. */
    public Params params() {
        return params;
    }

    /** Returns the fetch size; 0 for the driver's default. */
    public int fetchSize() {
        return fetchSize;
    }

    /** Returns how many of the first rows the result keeps; 0 to only count them. */
    public int keepRows() {
        return keepRows;
    }

    /** Returns the consumer every row is streamed to, if any. */
    public Optional<RowConsumer> rowConsumer() {
        return Optional.ofNullable(rowConsumer);
    }

    /** Returns the most rows read; 0 for no limit. */
    public int maxRows() {
        return maxRows;
    }

    /** Returns the query timeout, if set. */
    public Optional<Duration> queryTimeout() {
        return Optional.ofNullable(queryTimeout);
    }

    @Override
    public Optional<DeadlockRetry> retry() {
        return Optional.ofNullable(retry);
    }

    @Override
    public String toString() {
        return "SqlQuery[" + name + "]";
    }

    /** Builds a {@link SqlQuery}. Not thread-safe. Each setter checks its argument at once. */
    public static final class Builder {
        private final String name;
        private final String sql;
        private Params params = Params.none();
        private int fetchSize = DEFAULT_FETCH_SIZE;
        private int keepRows;
        private RowConsumer rowConsumer;
        private int maxRows;
        private Duration queryTimeout;
        private DeadlockRetry retry;

        private Builder(String name, String sql) {
            this.name = Checks.name("query", "name", name);
            this.sql = Checks.name(where(), "sql", sql);
        }

        private String where() {
            return "query[" + name + "]";
        }

        /**
         * Sets how the parameters are computed for each call.
         *
         * @param params the parameters; default {@link Params#none()}
         * @return this builder
         */
        public Builder params(Params params) {
            this.params = Checks.notNull(where(), "params", params);
            return this;
        }

        /**
         * Sets the driver's fetch size: how many rows it fetches per round trip. Set it to
         * stream a large result instead of holding it in memory (see the class comment).
         *
         * @param fetchSize {@code >= 0}; default {@link #DEFAULT_FETCH_SIZE} (the driver's)
         * @return this builder
         */
        public Builder fetchSize(int fetchSize) {
            this.fetchSize = Checks.nonNegative(where(), "fetchSize", fetchSize);
            return this;
        }

        /**
         * Keeps the first rows in the {@link QueryResult}, as lists of column values. The rows
         * after them are still read and counted.
         *
         * @param keepRows {@code 0..}{@link #MAX_KEPT_ROWS}; default 0 (count only)
         * @return this builder
         */
        public Builder keepRows(int keepRows) {
            if (keepRows < 0 || keepRows > MAX_KEPT_ROWS) {
                throw new IllegalArgumentException(where() + ": keepRows must be within 0.." + MAX_KEPT_ROWS + ", was " + keepRows);
            }
            this.keepRows = keepRows;
            return this;
        }

        /**
         * Streams every row to a consumer as it is read.
         *
         * @param rowConsumer the consumer, or null for none
         * @return this builder
         */
        public Builder forEachRow(RowConsumer rowConsumer) {
            this.rowConsumer = rowConsumer;
            return this;
        }

        /**
         * Limits the rows read ({@link java.sql.Statement#setMaxRows}); the driver drops the rest.
         *
         * @param maxRows {@code >= 0}; default 0 (no limit)
         * @return this builder
         */
        public Builder maxRows(int maxRows) {
            this.maxRows = Checks.nonNegative(where(), "maxRows", maxRows);
            return this;
        }

        /**
         * Sets the query timeout ({@link java.sql.Statement#setQueryTimeout}); a query that runs
         * longer is cancelled and fails with the category {@code sql_timeout}.
         *
         * @param queryTimeout whole seconds, at least 1 s; or null for none (the default)
         * @return this builder
         */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout == null ? null : Checks.queryTimeout(where(), queryTimeout);
            return this;
        }

        /**
         * Retries the query when it is a deadlock victim or hits a serialization failure.
         *
         * @param retry the policy, or null for none (the default)
         * @return this builder
         */
        public Builder retry(DeadlockRetry retry) {
            this.retry = retry;
            return this;
        }

        /** Returns the query. */
        public SqlQuery build() {
            return new SqlQuery(this);
        }
    }
}
