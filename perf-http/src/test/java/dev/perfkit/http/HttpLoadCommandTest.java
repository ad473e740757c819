package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.LoadModel;
import dev.perfkit.core.RunResult;
import dev.perfkit.report.ResultDocument;
import dev.perfkit.report.ResultJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    void shouldWritePerfReportJsonWithLabelsWhenOpenModelRunsAtRate(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("out/result.json");

        Run run = run("-r", "200", "-n", "100", "-q", "--json", json.toString(), server.url() + "/hello");

        assertThat(run.status()).as(run.err()).isEqualTo(HttpLoadCommand.OK);
        ResultDocument doc = ResultJson.read(json);
        RunResult result = doc.result();
        assertThat(result.model()).isEqualTo(LoadModel.OPEN);
        assertThat(result.total().count()).isEqualTo(100);
        assertThat(result.total().failures()).isZero();
        assertThat(result.samples().get(0).name()).isEqualTo("GET /hello");
        assertThat(result.total().responseTime().p99Nanos()).isPositive();
        assertThat(result.intervals()).isNotEmpty();
        assertThat(doc.verdict()).isEmpty();
        assertThat(doc.environment().javaVersion()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(doc.labels()).containsExactly(Map.entry("method", "GET"), Map.entry("url", server.url() + "/hello"),
                Map.entry("model", "open"), Map.entry("rate", "200"), Map.entry("maxConcurrency", "1000"),
                Map.entry("requests", "100"), Map.entry("http2", "false"), Map.entry("insecure", "false"),
                Map.entry("bodyBytes", "0"), Map.entry("status.200", "100"));
        assertThat(run.out()).contains("result written to " + json);
    }

    @Test
    void shouldCountEachStatusInLabelsWhenSomeRequestsFail(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("mixed.json");

        Run run = run("-c", "1", "-n", "5", "-q", "--json", json.toString(), server.url() + "/flaky?key=json&fail=2");

        assertThat(run.status()).as(run.err()).isEqualTo(HttpLoadCommand.OK);
        ResultDocument doc = ResultJson.read(json);
        assertThat(doc.labels()).containsEntry("model", "closed").containsEntry("users", "1")
                .containsEntry("status.200", "3").containsEntry("status.503", "2").doesNotContainKey("rate");
        assertThat(doc.result().total().failures()).isEqualTo(2);
        assertThat(doc.result().samples().get(0).failureSummaries()).singleElement()
                .satisfies(f -> assertThat(f.category()).isEqualTo("http_5xx"));
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
        Map<String, String> labels = ResultJson.read(dir.resolve("inline.json")).labels();
        assertThat(labels).containsEntry("method", "PUT").containsEntry("header.X-Test", "yes")
                .containsEntry("bodyBytes", "7");
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
