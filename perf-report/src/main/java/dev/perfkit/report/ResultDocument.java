package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.Completion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a JSON result file ({@link ResultJson}): the run's result, its verdict if it was
 * judged, where it was measured, and labels that a runner or command adds. Immutable.
 *
 * <p>Reading a file gives back the same {@link RunResult} that was written, including the full
 * latency histograms, so percentiles of a baseline or of merged shards are exact.
 *
 * <p><b>Labels</b> are the run's metadata that the result itself does not hold: what a command
 * was asked to do, a build number, a git commit. Each is a name and a text value, kept in the order
 * given; perfkit does not interpret them. perf-http's ad-hoc command, for example, writes
 * {@code method}, {@code url}, {@code users} and one {@code status.<code>} label per HTTP status.
 * Labels are written as they are: never put a secret in one.
 *
 * @param schemaVersion the schema version of the file, {@link ResultJson#SCHEMA_VERSION} for files
 *                      this version writes
 * @param result        the run's result
 * @param verdict       the verdict, or empty when the run was not judged
 * @param environment   where the run was measured
 * @param labels        the labels, in their order; an unmodifiable copy, empty when there are none
 */
public record ResultDocument(int schemaVersion, RunResult result, Optional<Verdict> verdict,
                             RunEnvironment environment, Map<String, String> labels) {

    /**
     * Checks the fields and copies the labels, keeping their order.
     *
     * @throws NullPointerException     if a field is null
     * @throws IllegalArgumentException if a label's name is null or blank, or its value is null
     */
    public ResultDocument {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(environment, "environment");
        labels = copy(Objects.requireNonNull(labels, "labels"));
    }

    /**
     * A document without labels.
     *
     * @param schemaVersion the schema version
     * @param result        the run's result
     * @param verdict       the verdict, or empty
     * @param environment   where the run was measured
     * @throws NullPointerException if a field is null
     */
    public ResultDocument(int schemaVersion, RunResult result, Optional<Verdict> verdict, RunEnvironment environment) {
        this(schemaVersion, result, verdict, environment, Map.of());
    }

    /**
     * Returns a document of the current schema version, without labels.
     *
     * @param result      the result
     * @param verdict     the verdict, or empty
     * @param environment where the run was measured, usually {@link RunEnvironment#current()}
     * @return the document
     */
    public static ResultDocument of(RunResult result, Optional<Verdict> verdict, RunEnvironment environment) {
        return new ResultDocument(ResultJson.SCHEMA_VERSION, result, verdict, environment, Map.of());
    }

    /**
     * Returns a document of the current schema version with labels.
     *
     * <pre>{@code
     * Map<String, String> labels = new LinkedHashMap<>();
     * labels.put("build", "1234");
     * ResultJson.write(ResultDocument.of(result, Optional.empty(), RunEnvironment.current(), labels), file);
     * }</pre>
     *
     * @param result      the result
     * @param verdict     the verdict, or empty
     * @param environment where the run was measured, usually {@link RunEnvironment#current()}
     * @param labels      the labels, copied in their iteration order (use a {@link LinkedHashMap}
     *                    to choose it); names must not be blank, values not null
     * @return the document
     * @throws IllegalArgumentException if a label's name is null or blank, or its value is null
     */
    public static ResultDocument of(RunResult result, Optional<Verdict> verdict, RunEnvironment environment,
                                    Map<String, String> labels) {
        return new ResultDocument(ResultJson.SCHEMA_VERSION, result, verdict, environment, labels);
    }

    /**
     * Returns whether the run ran to its planned end: status {@link RunStatus#COMPLETED} and no
     * error. Reports of an incomplete run say so.
     *
     * @return whether the run is complete
     */
    public boolean complete() {
        return Completion.complete(result);
    }

    private static Map<String, String> copy(Map<String, String> labels) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("resultDocument: label name must not be blank, was "
                        + (name == null ? "null" : "\"" + name + "\""));
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("resultDocument: label[" + name + "] value must not be null");
            }
            copy.put(name, e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
