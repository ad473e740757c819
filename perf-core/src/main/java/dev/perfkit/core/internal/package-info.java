/**
 * The engine behind {@link dev.perfkit.core.LoadTest}; not exported by the module, no
 * compatibility promise.
 *
 * <ul>
 *   <li>{@link dev.perfkit.core.internal.Run}: the coordinator thread and the run handle; the load
 *       itself in {@code ClosedUsers} (virtual users) and {@code OpenArrivals} (admitted arrivals;
 *       {@code ArrivalPacer} hands them, alone or as an {@code ArrivalBatch}, to the virtual threads
 *       of {@code ArrivalWorkers}), sharing a {@code RunContext}.</li>
 *   <li>{@link dev.perfkit.core.internal.Durations}: durations as people write them.</li>
 *   <li>{@link dev.perfkit.core.internal.ClosedDriver}: how many users to start or stop at an
 *       elapsed time (pure, no clock).</li>
 *   <li>{@link dev.perfkit.core.internal.ArrivalSchedule}: due times of open-model arrivals (pure).</li>
 *   <li>{@link dev.perfkit.core.internal.SampleMetric} and {@link dev.perfkit.core.internal.Metrics}:
 *       striped, wait-free recording into HdrHistogram recorders.</li>
 *   <li>{@link dev.perfkit.core.internal.IntervalCollector}: drains the recorders into the time
 *       series and the totals (pure: time is passed in).</li>
 *   <li>{@link dev.perfkit.core.internal.RunComparator}: builds a baseline comparison from the
 *       statistics in {@code MannWhitney}, {@code HodgesLehmann}, {@code TwoProportions} and
 *       {@code NormalDistribution} (pure functions with known-value tests).</li>
 *   <li>The detectors behind {@link dev.perfkit.core.Findings}, one per kind:
 *       {@link dev.perfkit.core.internal.MemoryLeaks}, {@link dev.perfkit.core.internal.SaturationKnee},
 *       {@link dev.perfkit.core.internal.PoolExhaustion} (shared with perf-jdbc),
 *       {@link dev.perfkit.core.internal.SlowSamples}, {@link dev.perfkit.core.internal.ErrorBursts},
 *       {@link dev.perfkit.core.internal.MonitorOutages}; their statistics in
 *       {@link dev.perfkit.core.internal.LinearFit} (least squares with a t-based interval of the
 *       slope) and {@link dev.perfkit.core.internal.StudentT}; {@link dev.perfkit.core.internal.Figures}
 *       writes their numbers.</li>
 * </ul>
 */
package dev.perfkit.core.internal;
