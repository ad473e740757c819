package dev.perfkit.jdbc;

/**
 * A snapshot of a HikariCP pool, as {@link JdbcPool#metrics()} reads it.
 *
 * @param active  connections lent out to statements
 * @param idle    connections open and free
 * @param total   connections open: active plus idle
 * @param waiting threads (virtual users) waiting for a connection
 * @param maxSize the most connections the pool may open
 */
public record PoolMetrics(int active, int idle, int total, int waiting, int maxSize) {
}
