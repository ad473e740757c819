/**
 * The perfkit command-line runner and its two extension points.
 *
 * <p>{@link dev.perfkit.runner.Main} is the program ({@code ./perfkit} at the root of the
 * repository runs it). It finds {@link dev.perfkit.runner.Suite suites} and
 * {@link dev.perfkit.runner.TargetSystem target systems} by name with
 * {@link java.util.ServiceLoader}, starts the target (or uses {@code --host}), gives each suite a
 * {@link dev.perfkit.runner.SuiteContext}, applies the user's {@link dev.perfkit.runner.Overrides}
 * to every {@link dev.perfkit.runner.SuiteScenario}, runs them one after the other, judges each
 * against its thresholds, writes its reports into {@code out/<suite>/<scenario>/}, compares it with
 * a baseline, and exits with the most serious {@link dev.perfkit.core.ExitCode}.
 *
 * <p>See {@code docs/runner.md} for every option.
 */
package dev.perfkit.runner;
