package dev.perfkit.jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A named transaction: several statements run in order on one connection, then committed (or, on
 * request, rolled back), with an optional isolation level and deadlock retry.
 *
 * <pre>{@code
 * SqlTransaction transfer = SqlTransaction.custom("transfer")
 *     .step(debit)                                  // SqlUpdate
 *     .step(credit)                                 // SqlUpdate
 *     .step(audit)                                  // SqlBatch, SqlQuery...
 *     .isolation(SqlTransaction.Isolation.SERIALIZABLE)
 *     .retry(DeadlockRetry.defaults())
 *     .build();
 * }</pre>
 *
 * <h2>What is recorded</h2>
 * The transaction is one sample under its own name, from the first statement to the end of the
 * commit: one request, however many statements it holds. Each step's time is also recorded as a
 * timing (kept out of the run's totals) named {@code <transaction>/<step>}, and so is the commit
 * or rollback, as {@code <transaction>/commit} or {@code <transaction>/rollback}. When a step
 * fails, the transaction is rolled back and fails with the step's category; its message names
 * the step.
 *
 * <p>Steps are queries, updates and batches; a step's own deadlock retry is not allowed (the
 * transaction, not the step, is what can be retried), nor is a transaction as a step. An
 * immutable value; {@link #custom(String)} starts a builder, {@link #toBuilder()} a modified copy.
 */
public final class SqlTransaction implements SqlStatement {

    /** The isolation level a transaction runs at. */
    public enum Isolation {
        /** Whatever the connection has: the driver's or database's default. */
        DEFAULT(-1),
        /** {@link Connection#TRANSACTION_READ_UNCOMMITTED}. */
        READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
        /** {@link Connection#TRANSACTION_READ_COMMITTED}. */
        READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
        /** {@link Connection#TRANSACTION_REPEATABLE_READ}. */
        REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
        /** {@link Connection#TRANSACTION_SERIALIZABLE}. */
        SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

        private final int level;

        Isolation(int level) {
            this.level = level;
        }

        /** Returns the JDBC level ({@code Connection.TRANSACTION_...}), or -1 for {@link #DEFAULT}. */
        public int level() {
            return level;
        }
    }

    private final String name;
    private final List<SqlStatement> steps;
    private final Isolation isolation;
    private final boolean rollbackAtEnd;
    private final DeadlockRetry retry;
    private final List<String> stepTimings;
    private final String endTiming;

    private SqlTransaction(Builder b) {
        this.name = b.name;
        this.steps = List.copyOf(b.steps);
        this.isolation = b.isolation;
        this.rollbackAtEnd = b.rollbackAtEnd;
        this.retry = b.retry;
        this.stepTimings = steps.stream().map(s -> name + "/" + s.name()).toList();
        this.endTiming = name + (rollbackAtEnd ? "/rollback" : "/commit");
    }

    /**
     * Starts a transaction.
     *
     * @param name the sample name, such as {@code "transfer"}; non-blank
     * @return the builder
     */
    public static Builder custom(String name) {
        return new Builder(name);
    }

    /** Returns a builder starting from this transaction. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.steps.addAll(steps);
        b.isolation = isolation;
        b.rollbackAtEnd = rollbackAtEnd;
        b.retry = retry;
        return b;
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the steps, in order. */
    public List<SqlStatement> steps() {
        return steps;
    }

    /** Returns the names of the steps' timings, {@code <transaction>/<step>}, in the order of the steps. */
    public List<String> stepTimings() {
        return stepTimings;
    }

    /** Returns the name of the timing of the commit ({@code <transaction>/commit}) or of the rollback at the end. */
    public String endTiming() {
        return endTiming;
    }

    /** Returns the isolation level. */
    public Isolation isolation() {
        return isolation;
    }

    /** Returns whether the transaction is rolled back at the end instead of committed. */
    public boolean rollbackAtEnd() {
        return rollbackAtEnd;
    }

    @Override
    public Optional<DeadlockRetry> retry() {
        return Optional.ofNullable(retry);
    }

    @Override
    public String toString() {
        return "SqlTransaction[" + name + ", " + steps.size() + " steps]";
    }

    /** Builds a {@link SqlTransaction}. Not thread-safe. Each setter checks its argument at once. */
    public static final class Builder {
        private final String name;
        private final List<SqlStatement> steps = new ArrayList<>();
        private Isolation isolation = Isolation.DEFAULT;
        private boolean rollbackAtEnd;
        private DeadlockRetry retry;

        private Builder(String name) {
            this.name = Checks.name("transaction", "name", name);
        }

        private String where() {
            return "transaction[" + name + "]";
        }

        /**
         * Adds a step.
         *
         * @param step a query, update or batch without a retry of its own
         * @return this builder
         * @throws IllegalArgumentException if the step is a transaction or has a retry
         */
        public Builder step(SqlStatement step) {
            Checks.notNull(where(), "step", step);
            if (step instanceof SqlTransaction) {
                throw new IllegalArgumentException(where() + ": a step cannot be a transaction, was '" + step.name() + "'");
            }
            if (step.retry().isPresent()) {
                throw new IllegalArgumentException(where() + "/step[" + step.name()
                        + "]: a step cannot have its own retry; set it on the transaction");
            }
            steps.add(step);
            return this;
        }

        /**
         * Sets the isolation level, restored on the connection afterwards.
         *
         * @param isolation default {@link Isolation#DEFAULT}
         * @return this builder
         */
        public Builder isolation(Isolation isolation) {
            this.isolation = Checks.notNull(where(), "isolation", isolation);
            return this;
        }

        /**
         * Rolls the transaction back at the end instead of committing it: the statements run and
         * are timed, and the data is left as it was.
         *
         * @param rollbackAtEnd default false (commit)
         * @return this builder
         */
        public Builder rollbackAtEnd(boolean rollbackAtEnd) {
            this.rollbackAtEnd = rollbackAtEnd;
            return this;
        }

        /**
         * Retries the whole transaction when it is a deadlock victim or hits a serialization failure.
         *
         * @param retry the policy, or null for none (the default)
         * @return this builder
         */
        public Builder retry(DeadlockRetry retry) {
            this.retry = retry;
            return this;
        }

        /**
         * Returns the transaction.
         *
         * @return the transaction
         * @throws IllegalArgumentException if it has no step
         */
        public SqlTransaction build() {
            if (steps.isEmpty()) {
                throw new IllegalArgumentException(where() + ": at least one step is required");
            }
            return new SqlTransaction(this);
        }
    }
}
