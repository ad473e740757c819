package dev.perfkit.runner.internal;

import dev.perfkit.core.Comparison;
import dev.perfkit.core.ExitCode;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What running one scenario of a suite gave: its result and verdict (empty when it could not run),
 * its comparison with a baseline, the report files, notes for the user, and its exit code.
 */
record ScenarioOutcome(String suite, String scenario, Optional<RunResult> result, Optional<Verdict> verdict,
                       Optional<Comparison> comparison, List<Path> reports, List<String> notes, ExitCode exit) {

    ScenarioOutcome {
        reports = List.copyOf(reports);
        notes = List.copyOf(notes);
    }

    /** An outcome without a result: the suite or scenario could not run. */
    static ScenarioOutcome error(String suite, String scenario, String problem) {
        return new ScenarioOutcome(suite, scenario, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(problem), ExitCode.RUN_ERROR);
    }
}
