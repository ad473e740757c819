/**
 * Reports of a run: writers of a {@link dev.perfkit.core.RunResult} and its
 * {@link dev.perfkit.core.Verdict} in several formats, and the reader of JSON results.
 *
 * <ul>
 *   <li>{@link dev.perfkit.report.Reports}: the factory of {@link dev.perfkit.report.Report}
 *       writers, one per {@link dev.perfkit.report.ReportFormat}, and {@code writeAll} for several
 *       at once.</li>
 *   <li>{@link dev.perfkit.report.ResultJson}: the whole result as versioned JSON, read back into a
 *       {@link dev.perfkit.report.ResultDocument}; {@link dev.perfkit.report.Baselines} saves and
 *       loads baselines with it.</li>
 *   <li>{@link dev.perfkit.report.HistogramLogListener}: HdrHistogram interval logs written from
 *       a running test, one histogram per interval.</li>
 *   <li>{@link dev.perfkit.report.ShardMerge}: the outputs of a test's shards merged exactly into
 *       one {@link dev.perfkit.report.MergedResult}, each shard listed with its
 *       {@link dev.perfkit.report.ShardStatus}; guide in {@code docs/distributed.md}.</li>
 * </ul>
 *
 * <p>Every file is written through a temporary file and an atomic move. Every user-controlled
 * string is escaped for its format. A run that did not complete still gets its reports, marked as
 * incomplete. The formats' layouts are in {@code docs/reports.md}.
 */
package dev.perfkit.report;
