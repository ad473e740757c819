package dev.perfkit.jdbc;

import java.util.Optional;

/**
 * A named database operation that a virtual user performs: a {@link SqlQuery}, an
 * {@link SqlUpdate}, a {@link SqlBatch} or a {@link SqlTransaction} of several of them. Run it
 * through a {@link JdbcPool}.
 *
 * <p>The name is the sample name under which every call is recorded, so it must be a template
 * such as {@code "user by id"}, never the SQL with its values: statistics are kept per name.
 * Statements are immutable values, safe to share between all virtual users; build them once,
 * outside the tasks.
 */
public sealed interface SqlStatement permits SqlQuery, SqlUpdate, SqlBatch, SqlTransaction {

    /** Returns the statement's name: its sample name. */
    String name();

    /** Returns the deadlock retry policy, if one is set. */
    Optional<DeadlockRetry> retry();
}
