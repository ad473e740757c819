/**
 * perfkit's JDBC adapter and database workload kit: load a database from plain Java, through a
 * HikariCP pool, with every statement recorded by name.
 *
 * <h2>The adapter</h2>
 * A {@link dev.perfkit.jdbc.JdbcPool} is a pool for one scenario's run, created from a
 * {@link dev.perfkit.jdbc.PoolConfig} (a JDBC URL or a {@code DataSource}, pooled by HikariCP) or
 * wrapped around a {@code DataSource} of your own. Virtual users run named statements through it:
 * <ul>
 *   <li>{@link dev.perfkit.jdbc.SqlQuery}: rows counted, the first ones optionally kept, or every
 *       row streamed to a {@link dev.perfkit.jdbc.RowConsumer} with a fetch size;</li>
 *   <li>{@link dev.perfkit.jdbc.SqlUpdate}: one statement, its update count;</li>
 *   <li>{@link dev.perfkit.jdbc.SqlBatch}: N rows in batches, in one transaction;</li>
 *   <li>{@link dev.perfkit.jdbc.SqlTransaction}: several statements, committed or rolled back, at an
 *       isolation level.</li>
 * </ul>
 * Parameters come from the session or a feeder ({@link dev.perfkit.jdbc.Params},
 * {@link dev.perfkit.jdbc.BatchRows}). The sample name is the statement's name, never its SQL.
 *
 * <h2>Failures</h2>
 * Each failure is recorded with a category from {@link dev.perfkit.jdbc.SqlFailure}:
 * {@code pool_timeout}, {@code sql_connection}, {@code sql_constraint}, {@code sql_deadlock},
 * {@code sql_syntax}, {@code sql_timeout}, {@code sql_other}, {@code other}. A
 * {@link dev.perfkit.jdbc.DeadlockRetry} (on Resilience4j) retries deadlock victims and
 * serialization failures.
 *
 * <h2>The pool under load</h2>
 * {@link dev.perfkit.jdbc.JdbcPool#addGaugesTo} samples the pool's active, idle, total and waiting
 * counts into every interval of the run; the wait for a connection is its own statistic,
 * {@code <pool>.acquire}. {@link dev.perfkit.jdbc.PoolExhaustionCheck} reads both from a
 * {@code RunResult} and returns a {@link dev.perfkit.jdbc.PoolExhaustionFinding} with evidence and
 * a recommendation, by perf-core's rule ({@link dev.perfkit.core.Findings} applies it to every pool
 * of a run).
 *
 * <h2>Secrets</h2>
 * Passwords never reach a printed or stored text: {@link dev.perfkit.jdbc.Redaction} masks them in
 * URLs, properties, failure messages and exceptions.
 *
 * <h2>The workload kit</h2>
 * {@link dev.perfkit.jdbc.Dataset} creates a deterministic schema of users and reports;
 * {@link dev.perfkit.jdbc.QueryPatterns} has the statements of the requirements over it (filter,
 * join, aggregation, offset and keyset pages); {@link dev.perfkit.jdbc.WorkloadSuites} runs the
 * requirements' suites (concurrent operations, bulk operations, pool under load, large result)
 * and checks {@link dev.perfkit.jdbc.QueryThresholds} (mean under 100 ms, maximum under 500 ms).
 *
 * <pre>{@code
 * PoolConfig config = PoolConfig.custom().jdbcUrl("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1").build();
 * try (JdbcPool pool = JdbcPool.create(config)) {
 *     Dataset dataset = Dataset.defaults();
 *     dataset.create(pool.dataSource());
 *     QueryPatterns patterns = QueryPatterns.of(dataset);
 *     RunResult result = LoadTest.run(
 *         Scenario.named("lookups").users(10).iterationsPerUser(100)
 *             .task(1, "lookup", pool.task(patterns.userById())),
 *         pool.addGaugesTo(RunOptions.custom()).build());
 *     System.out.println(result.sample("user by id").orElseThrow().responseTime().p99());
 *     System.out.println(pool.checkExhaustion(result).describe());
 * }
 * }</pre>
 */
package dev.perfkit.jdbc;
