package dev.perfkit.report.internal;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;

/** Whether a run ran to its planned end, and why not, in words every report uses. */
public final class Completion {

    private Completion() {
    }

    /**
     * Returns whether the run is complete: status {@link RunStatus#COMPLETED} and no error.
     *
     * @param result the result
     * @return whether it is complete
     */
    public static boolean complete(RunResult result) {
        return result.status() == RunStatus.COMPLETED && result.error() == null;
    }

    /**
     * Describes why a run is incomplete, for example {@code status STOPPED: stopped by request}.
     *
     * @param result the result
     * @return the description; empty for a complete run
     */
    public static String reason(RunResult result) {
        if (complete(result)) {
            return "";
        }
        String text = "status " + result.status() + ": " + result.stopReason();
        return result.error() == null || result.stopReason().contains(result.error()) ? text
                : text + "; error: " + result.error();
    }
}
