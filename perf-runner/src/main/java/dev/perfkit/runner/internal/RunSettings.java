package dev.perfkit.runner.internal;

import dev.perfkit.report.ReportFormat;
import dev.perfkit.core.Shard;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the run command runs and files each scenario: output folder, report formats, baseline to
 * compare with, folder to save baselines into, and how to show progress.
 */
record RunSettings(Path out, List<ReportFormat> formats, Optional<Path> baseline, Optional<Path> saveBaseline,
                   boolean quiet, boolean terminal, Optional<Shard> shard, Optional<Instant> startAt) {

    RunSettings {
        formats = List.copyOf(formats);
    }

    /** Settings of an unsplit run that starts at once. */
    RunSettings(Path out, List<ReportFormat> formats, Optional<Path> baseline, Optional<Path> saveBaseline,
                boolean quiet, boolean terminal) {
        this(out, formats, baseline, saveBaseline, quiet, terminal, Optional.empty(), Optional.empty());
    }
}
