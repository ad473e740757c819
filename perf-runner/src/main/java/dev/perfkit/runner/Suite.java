package dev.perfkit.runner;

import java.util.List;

/**
 * A named group of scenarios the runner can run by name ({@code ./perfkit run api}): the service
 * interface through which a module offers its load scripts to the runner.
 *
 * <p>The runner finds suites with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.perfkit.runner.Suite} (class path, as {@code ./perfkit} runs) and in
 * {@code provides dev.perfkit.runner.Suite with ...} of your {@code module-info} (module path). An
 * implementation needs a public no-argument constructor. A class given with {@code --scenario}
 * may implement this interface too; it is then instantiated directly, without a service file.
 *
 * <pre>{@code
 * public final class ApiSuite implements Suite {
 *     public String name() { return "api"; }
 *     public String description() { return "the REST API under a closed load"; }
 *     public List<SuiteScenario> scenarios(SuiteContext context) {
 *         Http http = Http.create(HttpConfig.of(context.baseUri().toString()));
 *         Scenario browse = Scenario.named("browse").users(20).hold(Duration.ofSeconds(30))
 *                 .task(1, "home", http.task(HttpRequest.get("/").check(Check.status(200))));
 *         return List.of(SuiteScenario.of("browse", browse, context.thresholds()).closing(http));
 *     }
 * }
 * }</pre>
 *
 * <p>The runner then applies the user's {@link Overrides} to each scenario, runs them one after
 * the other, judges each against its thresholds and writes its reports.
 */
public interface Suite {

    /**
     * Returns the name the suite is run by: short, lower case, unique among the suites on the
     * class path ({@code load}, {@code api}, {@code db}). {@code all} is reserved.
     *
     * @return the name
     */
    String name();

    /**
     * Returns one line saying what the suite loads and how, shown by {@code ./perfkit list}.
     *
     * @return the description
     */
    String description();

    /**
     * Builds the suite's scenarios for a target. Called once per run, before any load starts; the
     * scenarios run in the order of the list. Resources the scenarios need for the whole run (an
     * HTTP client, a connection pool) may be created here and closed by
     * {@link SuiteScenario#resources()}.
     *
     * @param context the target, environment, seed and the user's overrides
     * @return the scenarios, not empty
     * @throws Exception if the scenarios cannot be built (the runner reports it as a run error of
     *                   this suite and goes on with the next)
     */
    List<SuiteScenario> scenarios(SuiteContext context) throws Exception;
}
