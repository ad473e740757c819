package dev.perfkit.jdbc;

/**
 * What one call of a {@link SqlStatement} returned: a {@link QueryResult}, an
 * {@link UpdateResult}, a {@link BatchResult} or a {@link TransactionResult}, matching the kind of
 * statement. Immutable.
 */
public sealed interface StatementResult permits QueryResult, UpdateResult, BatchResult, TransactionResult {
}
