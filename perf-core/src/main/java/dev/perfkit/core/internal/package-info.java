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
 * </ul>
 */
package dev.perfkit.core.internal;
