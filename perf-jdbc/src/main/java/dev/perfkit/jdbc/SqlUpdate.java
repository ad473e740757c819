package dev.perfkit.jdbc;

import java.time.Duration;
import java.util.Optional;

/**
 * A named {@code INSERT}, {@code UPDATE}, {@code DELETE} or DDL statement, run once per call. The
 * result is the update count.
 *
 * <pre>{@code
 * SqlUpdate touch = SqlUpdate.custom("touch user", "UPDATE users SET visits = visits + 1 WHERE id = ?")
 *     .params(Params.fromSession(USER_ID))
 *     .build();
 * }</pre>
 *
 * <p>An immutable value; {@link #custom(String, String)} starts a builder, {@link #toBuilder()} a
 * modified copy.
 */
public final class SqlUpdate implements SqlStatement {

    private final String name;
    private final String sql;
    private final Params params;
    private final Duration queryTimeout;
    private final DeadlockRetry retry;

    private SqlUpdate(Builder b) {
        this.name = b.name;
        this.sql = b.sql;
        this.params = b.params;
        this.queryTimeout = b.queryTimeout;
        this.retry = b.retry;
    }

    /**
     * Starts an update.
     *
     * @param name the sample name, a template such as {@code "touch user"}; non-blank
     * @param sql  the SQL, with {@code ?} for parameters; non-blank
     * @return the builder
     */
    public static Builder custom(String name, String sql) {
        return new Builder(name, sql);
    }

    /** Returns a builder starting from this update. */
    public Builder toBuilder() {
        return new Builder(name, sql).params(params).queryTimeout(queryTimeout).retry(retry);
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
        return "SqlUpdate[" + name + "]";
    }

    /** Builds a {@link SqlUpdate}. Not thread-safe. Each setter checks its argument at once. */
    public static final class Builder {
        private final String name;
        private final String sql;
        private Params params = Params.none();
        private Duration queryTimeout;
        private DeadlockRetry retry;

        private Builder(String name, String sql) {
            this.name = Checks.name("update", "name", name);
            this.sql = Checks.name(where(), "sql", sql);
        }

        private String where() {
            return "update[" + name + "]";
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
         * Sets the query timeout; a statement that runs longer fails with {@code sql_timeout}.
         *
         * @param queryTimeout whole seconds, at least 1 s; or null for none (the default)
         * @return this builder
         */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout == null ? null : Checks.queryTimeout(where(), queryTimeout);
            return this;
        }

        /**
         * Retries the update when it is a deadlock victim or hits a serialization failure.
         *
         * @param retry the policy, or null for none (the default)
         * @return this builder
         */
        public Builder retry(DeadlockRetry retry) {
            this.retry = retry;
            return this;
        }

        /** Returns the update. */
        public SqlUpdate build() {
            return new SqlUpdate(this);
        }
    }
}
