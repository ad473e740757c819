package dev.perfkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.perfkit.junit.examples.OnlyThroughTestKit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs the example load tests of {@code dev.perfkit.junit.examples} through the JUnit Platform test kit. */
final class Examples {

    private Examples() {
    }

    /** Runs one example test method (its parameters are a {@link PerfRun} and maybe a {@code Path}) with configuration parameters. */
    static EngineExecutionResults run(Class<?> examples, String method, Map<String, String> parameters) {
        Class<?>[] types = java.util.Arrays.stream(examples.getDeclaredMethods())
                .filter(m -> m.getName().equals(method)).findFirst().orElseThrow().getParameterTypes();
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(examples, method, types))
                .configurationParameter(OnlyThroughTestKit.ENABLED, "true")
                .configurationParameters(parameters)
                .execute();
    }

    /** Returns every report entry published during the execution, merged in order. */
    static Map<String, String> entries(EngineExecutionResults results) {
        Map<String, String> entries = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .forEach(entries::putAll);
        return entries;
    }

    /** Returns the throwable of the one failed test. */
    static Throwable failure(EngineExecutionResults results) {
        List<Event> failed = results.testEvents().failed().list();
        if (failed.size() != 1) {
            throw new AssertionError("expected one failed test, got " + failed.size() + ": " + results.testEvents().list());
        }
        return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }
}
