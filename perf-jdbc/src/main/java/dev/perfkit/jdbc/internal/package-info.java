/**
 * The machinery of perf-jdbc: running statements on connections and recording them, building the
 * HikariCP pool, the Resilience4j retry, and the heap probe of the large-result suite. Not
 * exported by the module; nothing here is API.
 */
package dev.perfkit.jdbc.internal;
