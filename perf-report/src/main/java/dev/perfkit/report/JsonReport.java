package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The {@link ReportFormat#JSON} report: {@link ResultJson} behind the {@link Report} interface. */
final class JsonReport implements Report {

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public List<Path> write(RunResult result, Optional<Verdict> verdict, Path target) throws IOException {
        return List.of(ResultJson.write(result, verdict, target));
    }
}
