package dev.perfkit.runner;

import dev.perfkit.core.RunOptions;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Task;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The suites of the runner's tests, found through
 * {@code src/test/resources/META-INF/services/dev.perfkit.runner.Suite}: tiny closed-model runs
 * (2 users, well under a second) against the target's {@code /work}, with 50 ms intervals so that
 * a run has the intervals a baseline comparison needs.
 */
final class TestSuites {

    /** Hold of every test scenario: 14 intervals of 50 ms. */
    static final Duration HOLD = Duration.ofMillis(700);
    static final RunOptions OPTIONS = RunOptions.custom().interval(Duration.ofMillis(50)).build();

    private TestSuites() {
    }

    static Scenario work(String name, URI baseUri, HttpClient client) {
        URI uri = baseUri.resolve("/work");
        Task get = session -> {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode());
            }
        };
        return Scenario.named(name).users(2).hold(HOLD).task(1, "GET /work", get);
    }

    /** "smoke": two scenarios that pass the environment's default thresholds. */
    public static final class Smoke implements Suite {
        @Override
        public String name() {
            return "smoke";
        }

        @Override
        public String description() {
            return "two tiny scenarios that pass (tests)";
        }

        @Override
        public List<SuiteScenario> scenarios(SuiteContext context) {
            HttpClient client = HttpClient.newHttpClient();
            return List.of(
                    SuiteScenario.of("ping", work("ping", context.baseUri(), client), context.thresholds())
                            .withOptions(OPTIONS).closing(client),
                    SuiteScenario.of("pong", work("pong", context.baseUri(), client), context.thresholds())
                            .withOptions(OPTIONS));
        }
    }

    /** "strict": one scenario whose p95 must be below 1 ns, so its verdict is critical. */
    public static final class Strict implements Suite {
        @Override
        public String name() {
            return "strict";
        }

        @Override
        public String description() {
            return "a threshold no run can meet (tests)";
        }

        @Override
        public List<SuiteScenario> scenarios(SuiteContext context) {
            HttpClient client = HttpClient.newHttpClient();
            return List.of(SuiteScenario.of("impossible", work("impossible", context.baseUri(), client),
                    context.thresholds().p95().below(Duration.ofNanos(1))).withOptions(OPTIONS).closing(client));
        }
    }

    /** "broken": one scenario whose task throws an Error, which fails the run. */
    public static final class Broken implements Suite {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public String description() {
            return "a run that fails (tests)";
        }

        @Override
        public List<SuiteScenario> scenarios(SuiteContext context) {
            Scenario failing = Scenario.named("failing").users(1).hold(HOLD).task(1, "explode", session -> {
                throw new AssertionError("the task broke");
            });
            return List.of(SuiteScenario.of("failing", failing, context.thresholds()).withOptions(OPTIONS));
        }
    }
}
