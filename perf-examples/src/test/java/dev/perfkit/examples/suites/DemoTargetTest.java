package dev.perfkit.examples.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.examples.demo.DemoIssue;
import dev.perfkit.runner.RunningTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The runner's {@code demo} target: starts the demo system, hands it to the suites, stops it. */
class DemoTargetTest {

    @Test
    void shouldServeOnLoopbackAndBeFoundByItsUriUntilClosedWhenStarted() throws Exception {
        URI base;
        try (RunningTarget target = new DemoTarget().start(); HttpClient client = HttpClient.newHttpClient()) {
            base = target.baseUri();
            assertThat(base.getHost()).isEqualTo("127.0.0.1");
            assertThat(target.pid()).hasValue(ProcessHandle.current().pid());
            assertThat(target.jdbcUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("jdbc:h2:mem:"));
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(DemoTarget.running(base)).hasValueSatisfying(demo -> assertThat(demo.baseUri()).isEqualTo(base));
        }
        assertThat(DemoTarget.running(base)).as("forgotten once closed").isEmpty();
    }

    @Test
    void shouldPlantTheIssuesNamedInAnyCaseWhenThePropertyListsThem() {
        assertThat(DemoTarget.options(" small_pool,N_PLUS_ONE ").issues())
                .containsExactlyInAnyOrder(DemoIssue.SMALL_POOL, DemoIssue.N_PLUS_ONE);
        assertThat(DemoTarget.options("").issues()).isEmpty();
    }

    @Test
    void shouldNameThePropertyAndTheValueWhenAnIssueIsUnknown() {
        assertThatThrownBy(() -> DemoTarget.options("SMALL_POOL,slow"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("demoTarget: perfkit.demo.issues must list issues of [SLOW_QUERY")
                .hasMessageEndingWith("was 'slow'");
    }
}
