package dev.perfkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Findings;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Session;
import dev.perfkit.core.UserType;
import dev.perfkit.http.Check;
import dev.perfkit.http.Http;
import dev.perfkit.http.HttpConfig;
import dev.perfkit.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Short, bounded load tests with perf-http against the demo system on loopback: a healthy run, then a planted small pool found by perf-core's Findings. */
class DemoLoadTest {

    private static final String POOL = DemoDatabase.POOL_NAME;

    @Test
    void shouldServeAMixedLoadWithoutFailureOrPoolWaitWhenHealthy() throws Exception {
        // 8 users and a pool of 10: each request holds at most one connection, so no request can wait for one.
        try (DemoSystem demo = DemoSystem.start(); Http http = Http.create(HttpConfig.custom().baseUrl(demo.baseUri().toString()).build())) {
            Scenario scenario = Scenario.named("demo-healthy").users(8).hold(Duration.ofSeconds(2)).seed(1)
                    .userType(UserType.named("employee")
                            .task(5, "dashboard", http.task(get(demo, "/dashboard")))
                            .task(3, "reports", http.task(get(demo, "/reports")
                                    .queryParam("page", s -> s.random().nextInt(1, 26)).queryParam("size", "20")))
                            .task(2, "report", http.task(get(demo, "/reports/{id}").pathParam("id", s -> s.random().nextInt(1, 501))))
                            .task(2, "search", http.task(get(demo, "/search").queryParam("q", "Audit")))
                            .task(1, "create", http.task(authorized(demo, HttpRequest.post("/reports"))
                                    .jsonBody(Map.of("title", "Load test report", "category", "expense", "amount", 12.5))
                                    .check(Check.status(201), Check.json("/id")))));

            RunResult result = LoadTest.run(scenario, demo.addGaugesTo(RunOptions.custom().interval(Duration.ofMillis(200))).build());

            assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(result.total().count()).isPositive();
            assertThat(result.total().failures()).as(result.total().failureSummaries().toString()).isZero();
            assertThat(List.of("GET /dashboard", "GET /reports", "GET /reports/{id}", "GET /search", "POST /reports"))
                    .allSatisfy(name -> assertThat(result.sample(name)).as(name).hasValueSatisfying(s -> assertThat(s.count()).isPositive()));
            assertThat(result.intervals()).allSatisfy(i -> assertThat(i.gauges().get(POOL + ".waiting")).isZero());
            assertThat(Findings.defaults().detect(result)).extracting(Finding::kind)
                    .doesNotContain(Findings.POOL_EXHAUSTION, Findings.ERROR_BURST);
            IntervalStats last = result.intervals().get(result.intervals().size() - 1);
            assertThat(last.gauges().get(DemoSystem.STATEMENTS_GAUGE)).isPositive();
            assertThat(demo.statements()).as("every request runs SQL").isGreaterThanOrEqualTo(result.total().count());
        }
    }

    @Test
    void shouldFindPoolExhaustionWhenTwentyUsersShareTheSmallPool() throws Exception {
        // 20 users, 2 connections, each /dashboard holding one for 3 statements of a 2 ms round trip: the offered
        // demand is several connections even if HTTP handling on a busy machine took 20 ms per request, so users
        // wait at almost every interval end; the rule needs more than 10 % of them.
        DemoOptions options = DemoOptions.custom().dbRoundTrip(Duration.ofMillis(2)).plant(DemoIssue.SMALL_POOL).build();
        try (DemoSystem demo = DemoSystem.start(options); Http http = Http.create(HttpConfig.custom().baseUrl(demo.baseUri().toString()).build())) {
            Scenario scenario = Scenario.named("demo-small-pool").users(20).hold(Duration.ofSeconds(2)).seed(2)
                    .task(1, "dashboard", http.task(get(demo, "/dashboard")));

            RunResult result = LoadTest.run(scenario, demo.addGaugesTo(RunOptions.custom().interval(Duration.ofMillis(100))).build());

            assertThat(result.total().failures()).as("a 5 s connection timeout is never reached").isZero();
            assertThat(Findings.defaults().detect(result)).filteredOn(f -> f.kind().equals(Findings.POOL_EXHAUSTION))
                    .singleElement().satisfies(f -> {
                        assertThat(f.subject()).isEqualTo(POOL);
                        assertThat(f.evidence()).contains("pool max size 2, up to 2 connections in use at once");
                        assertThat(f.recommendation()).startsWith("Pool '" + POOL + "' ran out of connections: raise maxSize above 2");
                    });
        }
    }

    /** A GET with the token of the virtual user's demo user, expecting 200. */
    private static HttpRequest get(DemoSystem demo, String path) {
        return authorized(demo, HttpRequest.get(path)).check(Check.status(200));
    }

    private static HttpRequest authorized(DemoSystem demo, HttpRequest request) {
        return request.header("Authorization", (Session s) -> "Bearer " + demo.tokenFor(1 + s.userId() % demo.options().users()));
    }
}
