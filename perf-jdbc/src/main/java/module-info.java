/**
 * perfkit JDBC: the database adapter on HikariCP (named statements, batches, transactions, pool
 * metrics, failure categories, redaction) and the database workload kit (dataset, query patterns,
 * suites). See {@link dev.perfkit.jdbc.JdbcPool} to start.
 */
@SuppressWarnings("requires-automatic") // Resilience4j: automatic modules with a stable Automatic-Module-Name
module dev.perfkit.jdbc {
    requires transitive dev.perfkit.core;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    // Resilience4j ships automatic modules (Automatic-Module-Name in its jars): the optional
    // deadlock retry runs on its Retry; no Resilience4j type appears in this module's API.
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.core;
    // The large-result suite measures the live heap it needed through the memory MXBean.
    requires java.management;

    exports dev.perfkit.jdbc;
}
