package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ad-hoc command against a real loopback server, with bounded runs. */
class HttpLoadCommandTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HttpLoadCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldLoadUrlAndPrintSummaryWhenClosedModelWithCount() {
        Run run = run("-c", "4", "-n", "300", "-q", server.url() + "/hello");

        assertThat(run.status()).as(run.err()).isEqualTo(HttpLoadCommand.OK);
        assertThat(run.out()).contains("perfkit: running perf-http").contains("GET /hello").contains("total (tasks)")
                .contains("status codes: 200 x 300");
        assertThat(run.out()).doesNotContain("[    1s]");
    }

    @Test
    void shouldPrintProgressLinesWhenNotQuiet() {
        Run run = run("-c", "2", "-z", "1500ms", server.url() + "/hello");

        assertThat(run.status()).isEqualTo(HttpLoadCommand.OK);
        assertThat(run.out()).contains("[    1s] users     2");
    }

    @Test
    void shouldWriteJsonWhenOpenModelRunsAtRate(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("out/result.json");

        Run run = run("-r", "200", "-n", "100", "-q", "--json", json.toString(), server.url() + "/hello");

        assertThat(run.status()).as(run.err()).isEqualTo(HttpLoadCommand.OK);
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.get("format").asText()).isEqualTo("perfkit-http-command-result/1");
        assertThat(result.get("model").asText()).isEqualTo("OPEN");
        assertThat(result.at("/total/count").asLong()).isEqualTo(100);
        assertThat(result.at("/total/failures").asLong()).isZero();
        assertThat(result.at("/command/rate").asDouble()).isEqualTo(200.0);
        assertThat(result.at("/command/statusCodes/200").asLong()).isEqualTo(100);
        assertThat(result.at("/samples/0/name").asText()).isEqualTo("GET /hello");
        assertThat(result.at("/total/responseTimeNanos/p99").asLong()).isPositive();
        assertThat(result.get("intervals").size()).isPositive();
        assertThat(run.out()).contains("result written to " + json);
    }

    @Test
    void shouldExitNonZeroWhenEveryRequestFails() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Run run = run("-c", "2", "-n", "10", "-q", "http://127.0.0.1:" + port + "/");

        assertThat(run.status()).isEqualTo(HttpLoadCommand.ALL_FAILED);
        assertThat(run.err()).contains("every request failed (10)");
        assertThat(run.out()).contains("connection_refused");
    }

    @Test
    void shouldExitZeroWhenSomeRequestsFail() {
        Run run = run("-c", "1", "-n", "5", "-q", server.url() + "/status/500");
        Run mixed = run("-c", "1", "-n", "5", "-q", server.url() + "/flaky?key=cmd&fail=2");

        assertThat(run.status()).isEqualTo(HttpLoadCommand.ALL_FAILED);
        assertThat(run.out()).contains("status codes: 500 x 5").contains("http_5xx");
        assertThat(mixed.status()).isEqualTo(HttpLoadCommand.OK);
        assertThat(mixed.out()).contains("status codes: 200 x 3 503 x 2");
    }

    @Test
    void shouldSendMethodHeadersAndBodyWhenGiven(@TempDir Path dir) throws IOException {
        Path body = Files.writeString(dir.resolve("body.json"), "{\"hello\":\"file\"}");

        Run inline = run("-X", "PUT", "-H", "X-Test: yes", "-d", "{\"a\":1}", "-n", "3", "-c", "1", "-q",
                "--json", dir.resolve("inline.json").toString(), server.url() + "/echo");
        Run fromFile = run("-d", "@" + body, "-n", "2", "-c", "1", "-q", server.url() + "/echo");

        assertThat(inline.status()).as(inline.err()).isEqualTo(HttpLoadCommand.OK);
        assertThat(inline.out()).contains("PUT /echo");
        assertThat(fromFile.out()).contains("POST /echo");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("inline.json").toFile());
        assertThat(json.at("/command/method").asText()).isEqualTo("PUT");
        assertThat(json.at("/command/headers/X-Test").asText()).isEqualTo("yes");
        assertThat(json.at("/command/bodyBytes").asInt()).isEqualTo(7);
    }

    @Test
    void shouldPrintUsageWhenAskedOrWrong() {
        Run help = run("--help");
        Run none = run();
        Run bad = run("-c", "0", server.url());
        Run both = run("-c", "2", "-r", "10", server.url());
        Run scheme = run("ftp://127.0.0.1/");

        assertThat(help.status()).isEqualTo(HttpLoadCommand.OK);
        assertThat(help.out()).startsWith("Usage: perf-http [options] URL");
        assertThat(none.status()).isEqualTo(HttpLoadCommand.USAGE);
        assertThat(none.err()).contains("perf-http: no URL given");
        assertThat(bad.err()).contains("-c must be a whole number > 0, was \"0\"");
        assertThat(both.err()).contains("--users (closed model) and --rate (open model) exclude each other");
        assertThat(scheme.err()).contains("the URL must be an absolute http or https URL");
        assertThat(scheme.status()).isEqualTo(HttpLoadCommand.USAGE);
    }
}
