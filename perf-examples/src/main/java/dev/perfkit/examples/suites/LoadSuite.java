package dev.perfkit.examples.suites;

import dev.perfkit.core.Environment;
import dev.perfkit.core.Preset;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Session;
import dev.perfkit.core.ThinkTime;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.UserType;
import dev.perfkit.http.Check;
import dev.perfkit.http.Http;
import dev.perfkit.http.HttpConfig;
import dev.perfkit.http.HttpRequest;
import dev.perfkit.runner.Suite;
import dev.perfkit.runner.SuiteContext;
import dev.perfkit.runner.SuiteScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The suite {@code load}: the demo system under a mix of four kinds of users, at one of the
 * standard loads. Copy it as the shape of a load test of your own system.
 *
 * <pre>
 * ./perfkit run load                                   # smoke: 5 users, ramp 5 s, hold 1 min
 * ./perfkit run load --preset load --env staging       # 50 users, ramp 30 s, hold 5 min
 * ./perfkit run load --preset endurance --duration 5m  # 30 users, the 1 h hold shortened to 5 min
 * </pre>
 *
 * <table>
 *   <caption>The user types: of every 10 users, by weight; task names are unique across types, so each
 *       task's row in the reports is one type's</caption>
 *   <tr><th>type</th><th>weight</th><th>tasks (weight)</th><th>think time after each task</th></tr>
 *   <tr><td>regular</td><td>4</td><td>dashboard (5), reports list (3), search (2)</td><td>100 to 500 ms</td></tr>
 *   <tr><td>admin</td><td>2</td><td>create a report (2), open a report (2), reports list (1)</td><td>200 to 800 ms</td></tr>
 *   <tr><td>api</td><td>2</td><td>health check (3), token verification (2)</td><td>20 ms: about 40 requests a second each</td></tr>
 *   <tr><td>mobile</td><td>2</td><td>small pages of 5 reports (3), dashboard (1)</td><td>0.5 to 1.5 s</td></tr>
 * </table>
 * Users get their type by smooth weighted round robin, so the first five users (the smoke preset)
 * are one of each type and a second regular user. The think times are scaled down from real seconds so that even the 5 users of the smoke preset
 * make the 10 requests a second the {@code dev} environment's throughput rule asks for. Each user
 * type has its own think time, which perf-core keeps per scenario: the pause ends each task
 * instead (see {@link Think}).
 *
 * <p><b>Presets.</b> The preset comes from the runner's {@code --preset} (default
 * {@link #DEFAULT_PRESET}): smoke 5 users, load 50, stress 100, spike 200, endurance 30 users for
 * 1 hour ({@link Preset}). {@code --duration} replaces the preset's hold, which is how a demo
 * shortens the endurance hour; {@code --users} and {@code --ramp-up} apply after the preset.
 *
 * <p><b>Judged by</b> the environment's default rules (mean and max of the API, throughput, error
 * rate, the demo JVM's CPU and memory as {@code sut.*}) and two of its own: p95 of
 * {@code GET /dashboard} (staging: critical at 250 ms) and the error rate of {@code POST /reports}
 * (staging: critical at 1 %); {@code dev} allows twice the time, {@code production} three quarters.
 */
public final class LoadSuite implements Suite {

    /** The preset without {@code --preset}. */
    public static final Preset DEFAULT_PRESET = Preset.SMOKE;
    /** The scenario's name, and the folder of its reports. */
    public static final String SCENARIO = "user-types";

    /** A user type of the suite: its name, weight and think time. */
    record Profile(String name, int weight, ThinkTime thinkTime) {
    }

    static final Profile REGULAR = new Profile("regular", 4, ThinkTime.uniform(millis(100), millis(500)));
    static final Profile ADMIN = new Profile("admin", 2, ThinkTime.uniform(millis(200), millis(800)));
    static final Profile API = new Profile("api", 2, ThinkTime.constant(millis(20)));
    static final Profile MOBILE = new Profile("mobile", 2, ThinkTime.uniform(millis(500), millis(1_500)));
    /** The user types in the order of the table above. */
    static final List<Profile> PROFILES = List.of(REGULAR, ADMIN, API, MOBILE);

    private static final List<String> SEARCH_TERMS = List.of("Audit", "Expense", "Sales", "Security", "engineering");

    /** Creates the suite; the runner does, through {@link java.util.ServiceLoader}. */
    public LoadSuite() {
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String description() {
        return "regular, admin, API-only and mobile users by weight, at --preset smoke (default), load, stress, spike "
                + "or endurance";
    }

    @Override
    public List<SuiteScenario> scenarios(SuiteContext context) {
        DemoAccess demo = DemoAccess.of(context);
        Http http = Http.create(HttpConfig.of(context.baseUri().toString()));
        Preset preset = context.overrides().preset().orElse(DEFAULT_PRESET);
        Scenario scenario = scenario(preset, http, demo::bearer);
        return List.of(SuiteScenario.of(SCENARIO, scenario, thresholds(context.thresholds(), context.environment()))
                .withOptions(http.addGauges(demo.options()).build())
                .closing(http));
    }

    /**
     * The scenario at a preset: the four user types over {@code http}, each request carrying the
     * token {@code bearer} gives for the virtual user, ids of reports within the demo's 500.
     */
    static Scenario scenario(Preset preset, Http http, Function<Session, String> bearer) {
        Function<HttpRequest, HttpRequest> auth = r -> r.header("Authorization", bearer::apply);
        HttpRequest dashboard = auth.apply(HttpRequest.get("/dashboard")).check(Check.status(200));
        HttpRequest reports = auth.apply(HttpRequest.get("/reports"))
                .queryParam("page", s -> s.random().nextInt(1, 26)).queryParam("size", "20").check(Check.status(200));
        HttpRequest search = auth.apply(HttpRequest.get("/search"))
                .queryParam("q", s -> SEARCH_TERMS.get(s.random().nextInt(SEARCH_TERMS.size()))).check(Check.status(200));
        HttpRequest create = auth.apply(HttpRequest.post("/reports"))
                .jsonBody(Map.of("title", "Quarterly audit", "category", "audit", "amount", 125.5))
                .check(Check.status(201), Check.json("/id"));
        HttpRequest open = auth.apply(HttpRequest.get("/reports/{id}"))
                .pathParam("id", s -> s.random().nextInt(1, 501)).check(Check.status(200));
        HttpRequest health = HttpRequest.get("/health").check(Check.status(200));
        HttpRequest verify = auth.apply(HttpRequest.get("/auth/verify")).check(Check.status(200));
        HttpRequest smallPage = auth.apply(HttpRequest.get("/reports")).name("GET /reports (mobile)")
                .queryParam("page", s -> s.random().nextInt(1, 101)).queryParam("size", "5").check(Check.status(200));

        return Scenario.named(SCENARIO).preset(preset)
                .userType(type(REGULAR)
                        .task(5, "dashboard", Think.after(http.task(dashboard), REGULAR.thinkTime()))
                        .task(3, "reports", Think.after(http.task(reports), REGULAR.thinkTime()))
                        .task(2, "search", Think.after(http.task(search), REGULAR.thinkTime())))
                .userType(type(ADMIN)
                        .task(2, "create-report", Think.after(http.task(create), ADMIN.thinkTime()))
                        .task(2, "open-report", Think.after(http.task(open), ADMIN.thinkTime()))
                        .task(1, "list-reports", Think.after(http.task(reports), ADMIN.thinkTime())))
                .userType(type(API)
                        .task(3, "health", Think.after(http.task(health), API.thinkTime()))
                        .task(2, "verify-token", Think.after(http.task(verify), API.thinkTime())))
                .userType(type(MOBILE)
                        .task(3, "mobile-page", Think.after(http.task(smallPage), MOBILE.thinkTime()))
                        .task(1, "mobile-dashboard", Think.after(http.task(dashboard), MOBILE.thinkTime())));
    }

    private static UserType type(Profile profile) {
        return UserType.named(profile.name()).weight(profile.weight());
    }

    /** The environment's default rules plus the suite's own, at the environment's levels. */
    static Thresholds thresholds(Thresholds defaults, Environment environment) {
        Duration dashboard = Duration.ofMillis(250);
        double createErrors = switch (environment) {
            case DEV -> 0.02;
            case STAGING -> 0.01;
            case PRODUCTION -> 0.005;
        };
        return defaults
                .p95("GET /dashboard").below(Levels.warning(environment, dashboard), Levels.critical(environment, dashboard))
                .errorRate("POST /reports").below(createErrors * Levels.WARNING_SHARE, createErrors);
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }
}
