package dev.perfkit.junit;

import dev.perfkit.junit.internal.ReportSettings;
import dev.perfkit.report.ReportFormat;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PerfTest}: gives each test method that declares a
 * {@link PerfRun} parameter a fresh one, bound to the test's reports folder and to its
 * {@link ExtensionContext#publishReportEntry(String, String) report entries}.
 *
 * <p>Register it with {@link PerfTest} or {@code @ExtendWith(PerfkitExtension.class)}. The reports
 * folder of a test is {@code <dir>/<test class's binary name>/<test method>}, with
 * {@code -invocation-<n>} appended for the n-th invocation of a parameterized or repeated test.
 * {@code <dir>} and the formats come from, in order: the test method's {@link PerfTest} attributes,
 * the JUnit configuration parameters {@value #REPORTS_DIR} and {@value #REPORTS_FORMATS} (in
 * {@code junit-platform.properties}, or Surefire's {@code <configurationParameters>}), the defaults
 * {@value #DEFAULT_REPORTS_DIR} and every {@link ReportFormat}.
 *
 * <p>Stateless and thread-safe: tests may run in parallel, each with its own {@link PerfRun}.
 * Only test methods can receive a {@link PerfRun}; a constructor or lifecycle method asking for one
 * gets a {@link ParameterResolutionException} saying so.
 */
public final class PerfkitExtension implements ParameterResolver {

    /** The configuration parameter naming the folder of the reports: {@value}. */
    public static final String REPORTS_DIR = "perfkit.reports.dir";
    /**
     * The configuration parameter listing the report formats, comma-separated {@link ReportFormat}
     * names ignoring case: {@value}, for example {@code html,json,junit_xml}.
     */
    public static final String REPORTS_FORMATS = "perfkit.reports.formats";
    /** The folder of the reports when neither the annotation nor the configuration sets one: {@value}. */
    public static final String DEFAULT_REPORTS_DIR = "target/perfkit";

    /** Creates the extension; JUnit does so for {@link PerfTest} and {@code @ExtendWith}. */
    public PerfkitExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PerfRun.class;
    }

    @Override
    public PerfRun resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (!(parameterContext.getDeclaringExecutable() instanceof Method method)
                || !extensionContext.getTestMethod().map(method::equals).orElse(false)) {
            throw new ParameterResolutionException("perfkit: a PerfRun is given to test methods only, not to "
                    + parameterContext.getDeclaringExecutable() + "; declare it as a parameter of the test method");
        }
        Optional<PerfTest> annotation = AnnotationSupport.findAnnotation(method, PerfTest.class);
        String where = "@PerfTest on " + extensionContext.getRequiredTestClass().getSimpleName() + "." + method.getName();
        try {
            Path base = ReportSettings.folder(where, annotation.map(PerfTest::reportsDir).orElse(""),
                    extensionContext.getConfigurationParameter(REPORTS_DIR), DEFAULT_REPORTS_DIR);
            List<ReportFormat> formats = ReportSettings.formats(annotation.map(PerfTest::formats).orElse(new ReportFormat[0]),
                    extensionContext.getConfigurationParameter(REPORTS_FORMATS));
            Path folder = ReportSettings.testFolder(base, extensionContext.getRequiredTestClass(), method.getName(),
                    extensionContext.getUniqueId());
            String test = extensionContext.getRequiredTestClass().getSimpleName() + "." + method.getName();
            return new PerfRun(test, folder, formats, extensionContext::publishReportEntry);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }
}
