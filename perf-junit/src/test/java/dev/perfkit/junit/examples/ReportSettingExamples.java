package dev.perfkit.junit.examples;

import dev.perfkit.core.Thresholds;
import dev.perfkit.junit.PerfRun;
import dev.perfkit.junit.PerfTest;
import dev.perfkit.junit.PerfkitExtension;
import dev.perfkit.report.ReportFormat;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** Example load tests whose reports go to configured places, run by {@code ReportSettingsTest}. */
@ExtendWith(OnlyThroughTestKit.class)
public class ReportSettingExamples {

    @PerfTest
    void configured(PerfRun perf) throws Exception {
        perf.assertThresholds(perf.run(Work.sleeping()), Thresholds.none());
    }

    @PerfTest(reportsDir = "target/perfkit-annotated", formats = ReportFormat.MARKDOWN)
    void annotated(PerfRun perf) throws Exception {
        perf.assertThresholds(perf.run(Work.sleeping()), Thresholds.none());
    }

    @PerfTest
    void twoScenarios(PerfRun perf) throws Exception {
        perf.assertThresholds(perf.run(Work.sleeping()), Thresholds.none());
        perf.assertThresholds(perf.run(Work.sleeping()), Thresholds.none());
    }

    @RepeatedTest(2)
    @ExtendWith(PerfkitExtension.class)
    void repeated(PerfRun perf) throws Exception {
        perf.assertThresholds(perf.run(Work.sleeping()), Thresholds.none());
    }
}
