/**
 * The command-line runner's example suites and target, found by name through
 * {@code META-INF/services}: our load requirements written as code, to read and to copy.
 *
 * <ul>
 *   <li>{@link dev.perfkit.examples.suites.LoadSuite} ({@code load}): regular, admin, API-only and
 *       mobile users by weight at a standard preset ({@code --preset}).</li>
 *   <li>{@link dev.perfkit.examples.suites.ApiSuite} ({@code api}): per-endpoint benchmarks, a mixed
 *       load, scalability steps with their degradation, error handling.</li>
 *   <li>{@link dev.perfkit.examples.suites.DbSuite} ({@code db}): perf-jdbc's kit on the demo's
 *       database.</li>
 *   <li>{@link dev.perfkit.examples.suites.DemoTarget} ({@code demo}): the demo system, started in the
 *       runner's JVM.</li>
 * </ul>
 *
 * <pre>
 * ./perfkit list
 * ./perfkit run load --preset smoke --duration 20s
 * ./perfkit run api db --env staging
 * </pre>
 * The guide: {@code docs/runner.md}, section "The example suites".
 */
package dev.perfkit.examples.suites;
