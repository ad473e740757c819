package dev.perfkit.runner;

import dev.perfkit.core.RunOptions;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One scenario of a {@link Suite}, with what the runner needs to run and judge it: the
 * {@link RunOptions} (gauges, resource monitors, interval; the runner adds its own progress
 * listener), the {@link Thresholds} that decide its verdict, and the resources to close after the
 * whole suite ran. Immutable.
 *
 * @param name       the name reports and baselines are filed under
 *                   ({@code out/<suite>/<name>/}): letters, digits, {@code .}, {@code _} or {@code -}
 * @param scenario   the scenario, before the runner's overrides
 * @param options    the run options
 * @param thresholds the thresholds, usually {@link SuiteContext#thresholds()} with added rules
 * @param resources  closed in order after the suite ran, even when a run failed; may be empty
 */
public record SuiteScenario(String name, Scenario scenario, RunOptions options, Thresholds thresholds,
                            List<AutoCloseable> resources) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the name is not a simple file name
     * @throws NullPointerException     if a field is null
     */
    public SuiteScenario {
        Objects.requireNonNull(name, "suiteScenario: name must not be null");
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("suiteScenario: name must be letters, digits, '.', '_' or '-', was '"
                    + name + "'");
        }
        Objects.requireNonNull(scenario, "suiteScenario[" + name + "]: scenario must not be null");
        Objects.requireNonNull(options, "suiteScenario[" + name + "]: options must not be null");
        Objects.requireNonNull(thresholds, "suiteScenario[" + name + "]: thresholds must not be null");
        resources = List.copyOf(Objects.requireNonNull(resources,
                "suiteScenario[" + name + "]: resources must not be null"));
    }

    /**
     * Returns a suite scenario with default run options and no resources.
     *
     * @param name       the name, see {@link SuiteScenario}
     * @param scenario   the scenario
     * @param thresholds the thresholds
     * @return the suite scenario
     */
    public static SuiteScenario of(String name, Scenario scenario, Thresholds thresholds) {
        return new SuiteScenario(name, scenario, RunOptions.defaults(), thresholds, List.of());
    }

    /**
     * Returns a copy with other run options.
     *
     * @param options the run options
     * @return the new suite scenario
     */
    public SuiteScenario withOptions(RunOptions options) {
        return new SuiteScenario(name, scenario, options, thresholds, resources);
    }

    /**
     * Returns a copy that also closes {@code resource} after the suite ran.
     *
     * @param resource the resource
     * @return the new suite scenario
     */
    public SuiteScenario closing(AutoCloseable resource) {
        Objects.requireNonNull(resource, "suiteScenario[" + name + "]: resource must not be null");
        List<AutoCloseable> all = new java.util.ArrayList<>(resources);
        all.add(resource);
        return new SuiteScenario(name, scenario, options, thresholds, all);
    }
}
