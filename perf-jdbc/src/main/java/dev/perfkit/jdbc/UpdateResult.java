package dev.perfkit.jdbc;

/**
 * What one call of a {@link SqlUpdate} changed.
 *
 * @param rowsAffected the update count the driver reported (0 for DDL)
 */
public record UpdateResult(long rowsAffected) implements StatementResult {
}
