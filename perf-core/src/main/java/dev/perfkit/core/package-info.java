/**
 * perfkit's API: describe a workload in Java, run it in-process on virtual threads, and get its
 * statistics back as plain objects.
 *
 * <h2>Describe</h2>
 * A {@link dev.perfkit.core.Scenario} is an immutable value built fluently. It holds one or more
 * {@link dev.perfkit.core.UserType}s (regular, admin, API-only, mobile...), each with weighted
 * {@link dev.perfkit.core.Task}s or an ordered flow of steps, start and stop
 * {@link dev.perfkit.core.Hook}s, and a load:
 * <ul>
 *   <li><b>closed</b>: {@code users(n).rampUp(d).hold(d)}, {@link dev.perfkit.core.Stage}s, any
 *       {@link dev.perfkit.core.UsersProfile}, or a {@link dev.perfkit.core.Preset}; users loop with
 *       a {@link dev.perfkit.core.ThinkTime} between iterations;</li>
 *   <li><b>open</b>: an {@link dev.perfkit.core.ArrivalProfile} of
 *       {@link dev.perfkit.core.ArrivalRate}s (constant, ramp, {@link dev.perfkit.core.RateStage}s,
 *       any function of time), capped by {@code maxConcurrency} with a
 *       {@link dev.perfkit.core.Saturation} policy.</li>
 * </ul>
 * Bad values are rejected where they are given, with an {@link java.lang.IllegalArgumentException}
 * naming the scenario, the field and the value.
 *
 * <h2>Run</h2>
 * {@link dev.perfkit.core.LoadTest#run(Scenario)} blocks; {@link dev.perfkit.core.LoadTest#start}
 * returns a {@link dev.perfkit.core.RunHandle} with a live {@link dev.perfkit.core.RunSnapshot},
 * {@code stop()} and {@code await()}. {@link dev.perfkit.core.RunOptions} set the interval of the
 * time series and the {@link dev.perfkit.core.RunListener}s, such as the
 * {@link dev.perfkit.core.ConsoleListener}, the gauges, and the
 * {@link dev.perfkit.core.ResourceMonitor}s that watch the resources beside the load (the
 * {@link dev.perfkit.core.JvmMonitor running JVM}, a {@link dev.perfkit.core.ProcessMonitor local
 * process}, a {@link dev.perfkit.core.PrometheusMonitor Prometheus target}). Each virtual user has a
 * {@link dev.perfkit.core.Session}: typed variables ({@link dev.perfkit.core.SessionKey}), a seeded
 * random source, records from {@link dev.perfkit.core.Feeder}s (lists, CSV files through
 * {@link dev.perfkit.core.CsvRecords}, generators), and the recorder adapters use for named samples.
 *
 * <h2>Read the result</h2>
 * A {@link dev.perfkit.core.RunResult} holds, per sample name and in total,
 * {@link dev.perfkit.core.SampleStats}: counts, failures by category
 * ({@link dev.perfkit.core.FailureSummary}), throughput, and {@link dev.perfkit.core.LatencyStats}
 * for response time (from the scheduled start) and service time (from the actual start), from
 * merged HdrHistograms; and the time series of {@link dev.perfkit.core.IntervalStats}.
 *
 * <h2>Compare with a baseline</h2>
 * {@link dev.perfkit.core.Comparison#of(RunResult, RunResult)} compares a run with an earlier one,
 * per sample name: the {@link dev.perfkit.core.Change}s of its figures and a
 * {@link dev.perfkit.core.ChangeDecision} that needs both statistical significance (a Mann-Whitney
 * test over the per-interval medians, a two-proportion test over the failures) and a minimum
 * effect, set by a {@link dev.perfkit.core.RegressionPolicy}. {@link dev.perfkit.core.ExitCode}
 * turns a run, its verdict and its comparison into the exit code of a CI runner.
 *
 * <h2>Judge it</h2>
 * {@link dev.perfkit.core.Thresholds} hold {@link dev.perfkit.core.Rule}s: a
 * {@link dev.perfkit.core.Statistic} of a {@link dev.perfkit.core.Subject} (the total, a sample, a
 * group of requests, a gauge) with a warning and a critical level, over the whole run or a trailing
 * window, starting from an {@link dev.perfkit.core.Environment}'s defaults.
 * {@code evaluate(result)} gives a {@link dev.perfkit.core.Verdict} of
 * {@link dev.perfkit.core.RuleResult}s; {@code RunOptions.Builder.abortOn(thresholds)} stops a run
 * whose {@code abortOnFail} rule reaches its critical level.
 *
 * <h2>Find problems and capacity</h2>
 * {@link dev.perfkit.core.Findings} reads a result and reports {@link dev.perfkit.core.Finding}s:
 * memory leaks, saturation, exhausted connection pools, slow names, error bursts and monitors that
 * were down, each with its evidence and a recommendation. {@link dev.perfkit.core.CapacitySearch}
 * runs a scenario at rising steps of load and returns a {@link dev.perfkit.core.CapacityResult}:
 * the curve per step and the highest load whose {@link dev.perfkit.core.Verdict} still passed.
 *
 * <h2>Timing and coordinated omission</h2>
 * Every sample has two clocks: its intended start (the open model's schedule, or the closed
 * model's pacing) and its actual start. Response time runs from the intended start, so a target
 * that stalls shows the stall in the percentiles rather than hiding it by slowing the load down.
 *
 * <h2>Threads</h2>
 * One virtual thread per virtual user (closed); in the open model, one platform pacer thread hands
 * the due iterations to a pool of virtual worker threads that park between iterations, at most
 * {@code maxConcurrency} of them busy (short iterations due together go to one worker, in turn).
 * One platform thread coordinates the run and closes intervals.
 * Recording a sample is wait-free and allocates nothing.
 */
package dev.perfkit.core;
