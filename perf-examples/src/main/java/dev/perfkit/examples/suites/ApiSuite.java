package dev.perfkit.examples.suites;

import dev.perfkit.core.Environment;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Stage;
import dev.perfkit.core.Thresholds;
import dev.perfkit.http.Check;
import dev.perfkit.http.Http;
import dev.perfkit.http.HttpConfig;
import dev.perfkit.http.HttpRequest;
import dev.perfkit.runner.Suite;
import dev.perfkit.runner.SuiteContext;
import dev.perfkit.runner.SuiteScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite {@code api}: the demo's REST API endpoint by endpoint, mixed, at rising loads, and when
 * requests fail. Copy it as the shape of an API performance suite of your own.
 *
 * <pre>
 * ./perfkit run api                         # every scenario below, judged for dev
 * ./perfkit run api --duration 10s -e staging
 * </pre>
 *
 * <table>
 *   <caption>The scenarios, in the order they run</caption>
 *   <tr><th>scenario</th><th>load</th><th>own rule (staging critical)</th></tr>
 *   <tr><td>{@code health}</td><td>20 concurrent users on {@code GET /health}</td><td>p95 under 50 ms</td></tr>
 *   <tr><td>{@code auth-verify}</td><td>10 users verifying their token</td><td>p95 under 100 ms</td></tr>
 *   <tr><td>{@code dashboard}</td><td>10 users on {@code GET /dashboard}</td><td>p95 under 250 ms</td></tr>
 *   <tr><td>{@code reports-list}</td><td>10 users paging {@code GET /reports}</td><td>p95 under 250 ms</td></tr>
 *   <tr><td>{@code mixed}</td><td>20 users over every endpoint by weight</td><td>p95 under 250 ms</td></tr>
 *   <tr><td>{@code scale-10} ... {@code scale-100}</td><td>the dashboard at 10, 20, 50 and 100 users</td>
 *       <td>p95 under 250 ms; the degradation is printed (below)</td></tr>
 *   <tr><td>{@code errors}</td><td>10 users sending requests that must fail: a bad token (401), an unknown
 *       report (404), a bad page size (400)</td><td>each fails fast: p95 under 50 ms</td></tr>
 * </table>
 * Each closed scenario ramps up over 2 s and holds for {@link #HOLD}; {@code --users},
 * {@code --duration} and {@code --ramp-up} change them. The scalability steps are stages instead
 * (ramp to N users over 1 s, hold), so that {@code --users} cannot change their N; only
 * {@code --duration} applies, as a cap.
 *
 * <p><b>Degradation.</b> Each step is judged on its own; in addition, at the end of each step a line
 * such as {@code scalability of GET /dashboard: 10 users p95 4.1 ms 640/s | 20 users p95 7.9 ms (x1.9)
 * 700/s} compares every step so far with the first ({@link ScalabilityLog}).
 *
 * <p><b>CPU and memory.</b> Every scenario monitors the demo's process as {@code sut.cpu} and
 * {@code sut.memory}, which the environments' default rules judge. The demo started by the runner
 * shares the runner's JVM, so these figures include the load generator's own work; and as every
 * scenario is flat out (no think time), the CPU rule keeps only its warning level
 * ({@link Levels#flatOut}).
 */
public final class ApiSuite implements Suite {

    /** The hold of each closed scenario without {@code --duration}. */
    public static final Duration HOLD = Duration.ofSeconds(20);
    /** The users of the scalability steps. */
    public static final List<Integer> SCALE_STEPS = List.of(10, 20, 50, 100);

    private static final Duration RAMP_UP = Duration.ofSeconds(2);
    /** The ramp of a scalability step: short, so that a capped step still holds its users. */
    private static final Duration STEP_RAMP_UP = Duration.ofSeconds(1);

    /** Creates the suite; the runner does, through {@link java.util.ServiceLoader}. */
    public ApiSuite() {
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public String description() {
        return "per-endpoint benchmarks, 20 users on health, a mixed load, scalability at 10/20/50/100 users, "
                + "error handling; the demo's CPU and memory";
    }

    @Override
    public List<SuiteScenario> scenarios(SuiteContext context) {
        DemoAccess demo = DemoAccess.of(context);
        Environment env = context.environment();
        Http http = Http.create(HttpConfig.of(context.baseUri().toString()));

        HttpRequest health = HttpRequest.get("/health").check(Check.status(200));
        HttpRequest verify = demo.authorized(HttpRequest.get("/auth/verify")).check(Check.status(200));
        HttpRequest dashboard = demo.authorized(HttpRequest.get("/dashboard")).check(Check.status(200));
        HttpRequest reports = demo.authorized(HttpRequest.get("/reports"))
                .queryParam("page", s -> s.random().nextInt(1, 26)).queryParam("size", "20").check(Check.status(200));
        HttpRequest search = demo.authorized(HttpRequest.get("/search")).queryParam("q", "Audit").check(Check.status(200));

        List<SuiteScenario> scenarios = new ArrayList<>();
        // Per-endpoint benchmarks: one request each, 20 concurrent users on the health check.
        scenarios.add(closed(context, demo, http, "health", 20, health, Duration.ofMillis(50)));
        scenarios.add(closed(context, demo, http, "auth-verify", 10, verify, Duration.ofMillis(100)));
        scenarios.add(closed(context, demo, http, "dashboard", 10, dashboard, Duration.ofMillis(250)));
        scenarios.add(closed(context, demo, http, "reports-list", 10, reports, Duration.ofMillis(250)));

        // Mixed endpoint load: what a client application sends, by weight.
        Scenario mixed = Scenario.named("mixed").users(20).rampUp(RAMP_UP).hold(HOLD)
                .task(2, "health", http.task(health))
                .task(2, "verify", http.task(verify))
                .task(3, "dashboard", http.task(dashboard))
                .task(2, "reports", http.task(reports))
                .task(1, "search", http.task(search));
        scenarios.add(suiteScenario(demo, http, "mixed", mixed, context.thresholds()
                .p95().below(Levels.warning(env, Duration.ofMillis(250)), Levels.critical(env, Duration.ofMillis(250)))));

        // Scalability: the dashboard at rising users, each step a scenario; the log compares them.
        ScalabilityLog log = new ScalabilityLog("GET /dashboard", System.out);
        for (int users : SCALE_STEPS) {
            String name = String.format("scale-%03d", users);
            Scenario step = Scenario.named(name)
                    .stages(Stage.rampTo(users).over(STEP_RAMP_UP), Stage.hold(HOLD))
                    .task(1, "dashboard", http.task(dashboard));
            RunOptions.Builder options = http.addGauges(demo.options()).addListener(log.step(users));
            scenarios.add(new SuiteScenario(name, step, options.build(), Levels.flatOut(p95(context, "GET /dashboard",
                    Duration.ofMillis(250))), List.of()));
        }

        // Error handling: requests that must fail, and fail fast. The expected status is a success
        // of the check, so the error rate stays 0 while the server answers as it should.
        HttpRequest badToken = HttpRequest.get("/auth/verify").name("GET /auth/verify (bad token)")
                .header("Authorization", "Bearer demo.1.not-a-signature").check(Check.status(401));
        HttpRequest unknownReport = demo.authorized(HttpRequest.get("/reports/999999999"))
                .name("GET /reports/{id} (unknown)").check(Check.status(404));
        HttpRequest badPageSize = demo.authorized(HttpRequest.get("/reports")).name("GET /reports (bad size)")
                .queryParam("size", "1000").check(Check.status(400));
        Scenario errors = Scenario.named("errors").users(10).rampUp(RAMP_UP).hold(HOLD)
                .task(1, "bad-token", http.task(badToken))
                .task(1, "unknown-report", http.task(unknownReport))
                .task(1, "bad-page-size", http.task(badPageSize));
        Duration failFast = Duration.ofMillis(50);
        Thresholds errorRules = context.thresholds();
        for (HttpRequest failing : List.of(badToken, unknownReport, badPageSize)) {
            errorRules = errorRules.p95(failing.name()).below(Levels.warning(env, failFast), Levels.critical(env, failFast));
        }
        scenarios.add(suiteScenario(demo, http, "errors", errors, errorRules));

        // The client is shared by every scenario: the last one closes it after the suite.
        int last = scenarios.size() - 1;
        scenarios.set(last, scenarios.get(last).closing(http));
        return scenarios;
    }

    /** A closed scenario of one request, judged by its p95 against a staging critical level. */
    private static SuiteScenario closed(SuiteContext context, DemoAccess demo, Http http, String name, int users,
                                        HttpRequest request, Duration stagingP95) {
        Scenario scenario = Scenario.named(name).users(users).rampUp(RAMP_UP).hold(HOLD)
                .task(1, name, http.task(request));
        return suiteScenario(demo, http, name, scenario, p95(context, request.name(), stagingP95));
    }

    private static SuiteScenario suiteScenario(DemoAccess demo, Http http, String name, Scenario scenario,
                                               Thresholds thresholds) {
        return SuiteScenario.of(name, scenario, Levels.flatOut(thresholds)).withOptions(http.addGauges(demo.options()).build());
    }

    /** The environment's defaults plus p95 of one request, at the environment's levels. */
    private static Thresholds p95(SuiteContext context, String request, Duration staging) {
        Environment env = context.environment();
        return context.thresholds().p95(request).below(Levels.warning(env, staging), Levels.critical(env, staging));
    }
}
