package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.Completion;
import dev.perfkit.report.internal.HdrLogs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The {@link ReportFormat#HDR_LOG} report from a finished result: one HdrHistogram log per sample
 * name holding the whole run's response-time histogram as a single interval (a {@link RunResult}
 * keeps the whole-run histograms only), plus {@code index.csv}. For one histogram per interval,
 * register a {@link HistogramLogListener} on the run instead.
 */
final class HdrLogReport implements Report {

    @Override
    public ReportFormat format() {
        return ReportFormat.HDR_LOG;
    }

    @Override
    public List<Path> write(RunResult result, Optional<Verdict> verdict, Path target) throws IOException {
        long start = result.start().toEpochMilli();
        long end = result.end().toEpochMilli();
        List<HdrLogs.Log> logs = new ArrayList<>();
        for (SampleStats s : result.samples()) {
            Histogram h = s.responseTime().histogram();
            h.setStartTimeStamp(start);
            h.setEndTimeStamp(end);
            logs.add(new HdrLogs.Log(s.name(), s.kind().name().toLowerCase(Locale.ROOT), List.of(h)));
        }
        return HdrLogs.write(target, start, result.scenario(), Completion.reason(result), logs);
    }
}
