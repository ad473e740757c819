package dev.perfkit.jdbc;

import dev.perfkit.core.RunResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one of the {@link WorkloadSuites} measured and concluded.
 *
 * @param suite          the suite's name, such as {@code "concurrent operations"}
 * @param run            the run's full result: statistics per statement, time series, pool gauges
 * @param violations     the statements over the {@link QueryThresholds#defaults() default thresholds}
 * @param problems       everything else the suite found wrong, one sentence each: failed statements,
 *                       rows that do not count back, a run that did not complete
 * @param poolExhaustion the exhaustion check of the suite's pool over the run
 * @param counts         the suite's own figures by name (see the constants), in a stable order
 */
public record SuiteResult(String suite, RunResult run, List<ThresholdViolation> violations, List<String> problems,
                          PoolExhaustionFinding poolExhaustion, Map<String, Long> counts) {

    /** Statements run ({@code concurrent operations}, {@code pool under load}). */
    public static final String OPERATIONS = "operations";
    /** Rows the insert batch reported ({@code bulk operations}). */
    public static final String INSERTED = "inserted";
    /** Rows counted back after the insert. */
    public static final String COUNTED_AFTER_INSERT = "counted after insert";
    /** Rows the update batch reported. */
    public static final String UPDATED = "updated";
    /** Updated rows counted back. */
    public static final String COUNTED_AFTER_UPDATE = "counted after update";
    /** Rows the delete batch reported. */
    public static final String DELETED = "deleted";
    /** Rows left after the delete. */
    public static final String COUNTED_AFTER_DELETE = "counted after delete";
    /** Rows read ({@code large result read}). */
    public static final String ROWS_READ = "rows read";
    /** The fetch size used. */
    public static final String FETCH_SIZE = "fetch size";
    /** The live heap before the read, in bytes. */
    public static final String HEAP_BASELINE_BYTES = "heap baseline bytes";
    /** The most live heap above the baseline seen during the read, in bytes: the heap the read needed. */
    public static final String HEAP_NEEDED_BYTES = "heap needed bytes";
    /** The heap samples taken during the read. */
    public static final String HEAP_SAMPLES = "heap samples";
    /** The pool's maximum size ({@code pool under load}). */
    public static final String POOL_SIZE = "pool size";
    /** The concurrent virtual users. */
    public static final String USERS = "users";

    /** Copies the lists and the map, keeping its order. */
    public SuiteResult {
        violations = List.copyOf(violations);
        problems = List.copyOf(problems);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Returns true if no threshold was violated and the suite found no problem. */
    public boolean passed() {
        return violations.isEmpty() && problems.isEmpty();
    }

    /**
     * Returns one of the counts.
     *
     * @param name the count's name, one of the constants of this class
     * @return its value
     * @throws java.util.NoSuchElementException if this suite has no such count, naming those it has
     */
    public long count(String name) {
        Long value = counts.get(name);
        if (value == null) {
            throw new java.util.NoSuchElementException("suite '" + suite + "' has no count '" + name + "', only " + counts.keySet());
        }
        return value;
    }

    /** Returns a short report: verdict, counts, violations, problems and the pool's verdict. */
    public String describe() {
        StringBuilder sb = new StringBuilder(suite).append(": ").append(passed() ? "PASSED" : "FAILED")
                .append(String.format(java.util.Locale.ROOT, " (%d statements, %.0f/s, p99 %.2f ms)", run.total().count(),
                        run.total().throughput(), run.total().responseTime().p99Nanos() / 1e6));
        counts.forEach((k, v) -> sb.append("\n  ").append(k).append(": ").append(v));
        violations.forEach(v -> sb.append("\n  threshold: ").append(v.message()));
        problems.forEach(p -> sb.append("\n  problem: ").append(p));
        return sb.append('\n').append(poolExhaustion.describe()).toString();
    }
}
