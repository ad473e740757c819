package dev.perfkit.jdbc;

import java.time.Duration;
import java.util.Optional;

/**
 * A named JDBC batch: one parameterised {@code INSERT}, {@code UPDATE} or {@code DELETE} run for N
 * rows, sent in batches of {@link #batchSize()} rows ({@link java.sql.PreparedStatement#addBatch()}
 * and {@code executeBatch()}).
 *
 * <pre>{@code
 * SqlBatch load = SqlBatch.custom("insert reports", "INSERT INTO reports (id, title) VALUES (?, ?)")
 *     .rows(1_000, (session, i) -> new Object[] {10_000 + i, "report " + i})
 *     .batchSize(200)                   // 5 round trips
 *     .build();
 * BatchResult r = pool.batch(load, session);   // r.rowsAffected() == 1000
 * }</pre>
 *
 * <p>The whole call (all batches) is one sample under the statement's name. By default all
 * batches of a call run in one transaction, committed at the end and rolled back on a failure, so
 * a call inserts either all its rows or none; {@link Builder#oneTransaction(boolean)} commits
 * after each batch instead (when the connection is in auto-commit mode).
 *
 * <p>Tip for PostgreSQL: the driver property {@code reWriteBatchedInserts=true} sends a batch of
 * inserts as multi-row inserts, several times faster.
 *
 * <p>An immutable value; {@link #custom(String, String)} starts a builder, {@link #toBuilder()} a
 * modified copy.
 */
public final class SqlBatch implements SqlStatement {

    /** Rows per {@code executeBatch()} unless set. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    private final String name;
    private final String sql;
    private final int rows;
    private final BatchRows rowValues;
    private final int batchSize;
    private final boolean oneTransaction;
    private final Duration queryTimeout;
    private final DeadlockRetry retry;

    private SqlBatch(Builder b) {
        this.name = b.name;
        this.sql = b.sql;
        this.rows = b.rows;
        this.rowValues = b.rowValues;
        this.batchSize = b.batchSize;
        this.oneTransaction = b.oneTransaction;
        this.queryTimeout = b.queryTimeout;
        this.retry = b.retry;
    }

    /**
     * Starts a batch.
     *
     * @param name the sample name, such as {@code "insert reports"}; non-blank
     * @param sql  the SQL, with {@code ?} for each row's parameters; non-blank
     * @return the builder
     */
    public static Builder custom(String name, String sql) {
        return new Builder(name, sql);
    }

    /** Returns a builder starting from this batch. */
    public Builder toBuilder() {
        Builder b = new Builder(name, sql);
        b.rows = rows;
        b.rowValues = rowValues;
        b.batchSize = batchSize;
        b.oneTransaction = oneTransaction;
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

    /** Returns the rows each call sends. */
    public int rows() {
        return rows;
    }

    /** Returns how each row's values are computed. */
    public BatchRows rowValues() {
        return rowValues;
    }

    /** Returns the rows per {@code executeBatch()}. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns whether all batches of a call run in one transaction. */
    public boolean oneTransaction() {
        return oneTransaction;
    }

    /** Returns the query timeout of each batch, if set. */
    public Optional<Duration> queryTimeout() {
        return Optional.ofNullable(queryTimeout);
    }

    @Override
    public Optional<DeadlockRetry> retry() {
        return Optional.ofNullable(retry);
    }

    @Override
    public String toString() {
        return "SqlBatch[" + name + ", " + rows + " rows]";
    }

    /** Builds a {@link SqlBatch}. Not thread-safe. Each setter checks its argument at once. */
    public static final class Builder {
        private final String name;
        private final String sql;
        private int rows;
        private BatchRows rowValues;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private boolean oneTransaction = true;
        private Duration queryTimeout;
        private DeadlockRetry retry;

        private Builder(String name, String sql) {
            this.name = Checks.name("batch", "name", name);
            this.sql = Checks.name(where(), "sql", sql);
        }

        private String where() {
            return "batch[" + name + "]";
        }

        /**
         * Sets the rows each call sends and how their values are computed. Required.
         *
         * @param rows      {@code > 0}
         * @param rowValues the values of row {@code i}, for {@code i} from 0 to {@code rows - 1}
         * @return this builder
         */
        public Builder rows(int rows, BatchRows rowValues) {
            this.rows = Checks.positive(where(), "rows", rows);
            this.rowValues = Checks.notNull(where(), "rowValues", rowValues);
            return this;
        }

        /**
         * Sets the rows sent per {@code executeBatch()}.
         *
         * @param batchSize {@code > 0}; default {@link #DEFAULT_BATCH_SIZE}
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = Checks.positive(where(), "batchSize", batchSize);
            return this;
        }

        /**
         * Sets whether all batches of a call run in one transaction (the default), or each batch
         * is committed on its own when the connection is in auto-commit mode.
         *
         * @param oneTransaction default true
         * @return this builder
         */
        public Builder oneTransaction(boolean oneTransaction) {
            this.oneTransaction = oneTransaction;
            return this;
        }

        /**
         * Sets the query timeout of each {@code executeBatch()}.
         *
         * @param queryTimeout whole seconds, at least 1 s; or null for none (the default)
         * @return this builder
         */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout == null ? null : Checks.queryTimeout(where(), queryTimeout);
            return this;
        }

        /**
         * Retries the whole call when it is a deadlock victim or hits a serialization failure.
         * Only sensible with {@link #oneTransaction(boolean) one transaction}, whose rollback
         * leaves nothing half done.
         *
         * @param retry the policy, or null for none (the default)
         * @return this builder
         */
        public Builder retry(DeadlockRetry retry) {
            this.retry = retry;
            return this;
        }

        /**
         * Returns the batch.
         *
         * @return the batch
         * @throws IllegalArgumentException if {@link #rows(int, BatchRows)} was not called, or a retry
         *         is set on a batch that commits after each batch
         */
        public SqlBatch build() {
            if (rowValues == null) {
                throw new IllegalArgumentException(where() + ": rows(count, rowValues) is required");
            }
            if (retry != null && !oneTransaction) {
                throw new IllegalArgumentException(where() + ": retry needs oneTransaction(true): a retried call would repeat"
                        + " batches already committed");
            }
            return new SqlBatch(this);
        }
    }
}
