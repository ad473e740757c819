package dev.perfkit.junit.examples;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Keeps the example load tests out of every normal test run (an IDE that scans all classes runs
 * them disabled): they run only when the test kit sets {@value #ENABLED}. Also gives a test method
 * the path in {@value #PATH}, for the baseline examples.
 */
public final class OnlyThroughTestKit implements ExecutionCondition, ParameterResolver {

    /** The configuration parameter that enables the examples. */
    public static final String ENABLED = "perfkit.examples.enabled";
    /** The configuration parameter holding the path given to a {@link Path} parameter. */
    public static final String PATH = "perfkit.examples.path";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(ENABLED, Boolean::parseBoolean).orElse(false)
                ? ConditionEvaluationResult.enabled("run through the test kit")
                : ConditionEvaluationResult.disabled("an example, run only through the test kit");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Path.class;
    }

    @Override
    public Path resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return Path.of(extensionContext.getConfigurationParameter(PATH).orElseThrow());
    }
}
