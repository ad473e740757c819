/**
 * Load tests as JUnit 5 tests. A method annotated {@link dev.perfkit.junit.PerfTest} receives a
 * {@link dev.perfkit.junit.PerfRun}: it runs a scenario, then
 * {@link dev.perfkit.junit.PerfRun#assertThresholds} judges the result, writes the reports into
 * {@code target/perfkit/<test class>/<test method>/}, publishes each report's path as a JUnit report
 * entry, and fails the test with the verdict's text when a rule is critical, the run failed or
 * was aborted, or the run regressed against its baseline.
 *
 * <pre>{@code
 * class ShopLoadTest {
 *     @PerfTest
 *     void checkoutHoldsItsLatency(PerfRun perf) throws Exception {
 *         RunResult result = perf.run(Scenario.named("checkout").users(2).hold(Duration.ofSeconds(2))
 *                 .task(1, "checkout", session -> shop.checkout()));
 *         perf.assertThresholds(result, Thresholds.none().p95("checkout").below(Duration.ofMillis(200)));
 *     }
 * }
 * }</pre>
 *
 * <p>Nothing here is beyond the plain API: {@link dev.perfkit.core.LoadTest},
 * {@link dev.perfkit.core.Thresholds}, {@link dev.perfkit.core.Comparison} and
 * {@link dev.perfkit.report.Reports} do the work; this package ties them to a test's life cycle.
 */
package dev.perfkit.junit;
