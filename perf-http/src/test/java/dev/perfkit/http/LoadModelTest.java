package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.ArrivalProfile;
import dev.perfkit.core.ArrivalRate;
import dev.perfkit.core.LoadModel;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.SessionKey;
import dev.perfkit.core.UserType;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The adapter in both load models: requests make the totals, timings and hooks stay out. */
class LoadModelTest {

    private static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Scenario load(LoadModel model, Scenario base) {
        return model == LoadModel.CLOSED
                ? base.users(5).iterations(200)
                : base.arrivals(ArrivalProfile.constant(ArrivalRate.of(400).perSecond(), Duration.ofMillis(500))).maxConcurrency(50);
    }

    @ParameterizedTest
    @EnumSource(LoadModel.class)
    void shouldCountEachRequestOnceWhenUsersLogInAndBrowse(LoadModel model) throws Exception {
        try (Http http = Http.create(HttpConfig.of(server.url()))) {
            HttpRequest login = HttpRequest.post("/login").extract(Extract.json("/token").into(TOKEN));
            HttpRequest me = HttpRequest.get("/me").check(Check.status(200), Check.json("/session"));
            Scenario scenario = load(model, Scenario.named("browse").userType(UserType.named("member")
                    .onStart(s -> http.execute(s, login))
                    .task(1, "me", http.task(me))));

            RunResult result = LoadTest.run(scenario, http.addGauges(RunOptions.custom()).build());

            assertThat(result.total().kind()).isEqualTo(SampleKind.REQUEST);
            long logins = result.sample("POST /login").orElseThrow().count();
            // 200 iterations: all run in the closed model; in the open model an arrival that finds
            // the 50 slots taken (a busy machine) is dropped and counted, never lost.
            assertThat(result.sample("GET /me").orElseThrow().count() + result.dropped()).isEqualTo(200);
            assertThat(result.total().count()).isEqualTo(result.sample("GET /me").orElseThrow().count() + logins);
            assertThat(result.total().failures()).isZero();
            assertThat(result.sample("GET /me waiting").orElseThrow().kind()).isEqualTo(SampleKind.TIMING);
            assertThat(result.intervals()).allSatisfy(i -> assertThat(i.gauges()).containsKeys("http.connections", "http.connections.idle"));
        }
    }

    @ParameterizedTest
    @EnumSource(LoadModel.class)
    void shouldLetTaskSampleStandForRequestWhenRequestsAreNotRecorded(LoadModel model) throws Exception {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(server.url()).recordRequests(false).build())) {
            Scenario scenario = load(model, Scenario.named("one-request-tasks")
                    .task(9, "GET /hello", http.task(HttpRequest.get("/hello")))
                    .task(1, "GET /status/500", http.task(HttpRequest.get("/status/500"))));

            RunResult result = LoadTest.run(scenario);

            assertThat(result.total().kind()).isEqualTo(SampleKind.TASK);
            assertThat(result.total().count() + result.dropped()).isEqualTo(200);
            assertThat(result.total().count()).isPositive();
            assertThat(result.sample("GET /status/500").orElseThrow().failureSummaries())
                    .singleElement().satisfies(f -> {
                        assertThat(f.category()).isEqualTo("http_5xx");
                        assertThat(f.messages().get(0).message()).isEqualTo("GET /status/500: HTTP 500");
                    });
            assertThat(result.sample("GET /hello waiting")).isPresent();
        }
    }
}
