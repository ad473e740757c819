package dev.perfkit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code perfkit http}: perf-http's ad-hoc command, hosted as a subcommand with its own options. */
class HttpCommandTest {

    @Test
    void shouldLoadTheUrlWithTheAdHocCommandWhenHttpIsGiven() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            Invocation run = Invocation.of("http", "-c", "2", "-n", "40", "-q", server.baseUri().resolve("/work").toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(server.requests.get()).isEqualTo(40);
            assertThat(run.out()).contains("status codes: 200 x 40");
        }
    }

    @Test
    void shouldShowTheAdHocCommandsOwnHelpWhenAskedThroughHttp() {
        Invocation help = Invocation.of("http", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: perf-http", "--rate", "--http2");
    }

    @Test
    void shouldReturnTheAdHocCommandsUsageCodeWhenItsOptionIsBad() {
        Invocation bad = Invocation.of("http", "--rate", "fast", "http://127.0.0.1:9/");

        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).startsWith("perf-http: ");
    }
}
