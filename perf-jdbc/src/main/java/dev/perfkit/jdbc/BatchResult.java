package dev.perfkit.jdbc;

/**
 * What one call of a {@link SqlBatch} sent and changed.
 *
 * @param rowsSent        the rows added to batches
 * @param batches         the {@code executeBatch()} round trips
 * @param rowsAffected    the sum of the update counts the driver reported
 * @param rowsWithoutCount the rows the driver reported as done without a count
 *                        ({@link java.sql.Statement#SUCCESS_NO_INFO}); 0 with H2 and PostgreSQL
 */
public record BatchResult(long rowsSent, int batches, long rowsAffected, long rowsWithoutCount) implements StatementResult {
}
