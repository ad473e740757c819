package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.Completion;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a JSON result file ({@link ResultJson}): the run's result, its verdict if it was
 * judged, and where it was measured. Immutable.
 *
 * <p>Reading a file gives back the same {@link RunResult} that was written, including the full
 * latency histograms, so percentiles of a baseline or of merged shards are exact.
 *
 * @param schemaVersion the schema version of the file, {@link ResultJson#SCHEMA_VERSION} for files
 *                      this version writes
 * @param result        the run's result
 * @param verdict       the verdict, or empty when the run was not judged
 * @param environment   where the run was measured
 */
public record ResultDocument(int schemaVersion, RunResult result, Optional<Verdict> verdict,
                             RunEnvironment environment) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public ResultDocument {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(environment, "environment");
    }

    /**
     * Returns a document of the current schema version.
     *
     * @param result      the result
     * @param verdict     the verdict, or empty
     * @param environment where the run was measured, usually {@link RunEnvironment#current()}
     * @return the document
     */
    public static ResultDocument of(RunResult result, Optional<Verdict> verdict, RunEnvironment environment) {
        return new ResultDocument(ResultJson.SCHEMA_VERSION, result, verdict, environment);
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
}
