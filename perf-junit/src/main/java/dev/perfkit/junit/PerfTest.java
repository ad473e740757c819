package dev.perfkit.junit;

import dev.perfkit.report.ReportFormat;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a method as a load test: a JUnit {@link Test} tagged {@value #TAG} whose {@link PerfRun}
 * parameter is provided by {@link PerfkitExtension}.
 *
 * <pre>{@code
 * @PerfTest(formats = {ReportFormat.HTML, ReportFormat.JSON})
 * void searchIsFast(PerfRun perf) throws Exception {
 *     RunResult result = perf.run(scenario);
 *     perf.assertThresholds(result, Thresholds.forEnvironment("dev").p95("search").below(Duration.ofMillis(100)));
 * }
 * }</pre>
 *
 * <p>The tag lets a build keep load tests apart: Surefire's {@code <excludedGroups>perf</excludedGroups>}
 * leaves them out of the unit tests, Failsafe's {@code <groups>perf</groups>} runs only them. To
 * use another test kind ({@code @ParameterizedTest}, {@code @RepeatedTest}), annotate the class or
 * method with {@code @ExtendWith(PerfkitExtension.class)} instead; the settings then come from the
 * configuration parameters {@value PerfkitExtension#REPORTS_DIR} and {@value PerfkitExtension#REPORTS_FORMATS}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@Tag(PerfTest.TAG)
@ExtendWith(PerfkitExtension.class)
public @interface PerfTest {

    /** The JUnit tag of every {@code @PerfTest} method: {@code perf}. */
    String TAG = "perf";

    /**
     * The folder under which this test's reports are written, in a subfolder
     * {@code <test class>/<test method>}; relative paths are resolved against the working
     * directory (the module's folder under Maven).
     *
     * @return the folder; empty (the default) means the configuration parameter
     *         {@value PerfkitExtension#REPORTS_DIR}, else {@value PerfkitExtension#DEFAULT_REPORTS_DIR}
     */
    String reportsDir() default "";

    /**
     * The report formats to write.
     *
     * @return the formats; empty (the default) means the configuration parameter
     *         {@value PerfkitExtension#REPORTS_FORMATS}, else every format
     */
    ReportFormat[] formats() default {};
}
