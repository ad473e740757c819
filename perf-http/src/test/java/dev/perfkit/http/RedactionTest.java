package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import dev.perfkit.report.ResultJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization headers, cookies, password and token parameters and URL credentials never reach a
 * failure message, a log line, a sample name, a JSON result or a {@code toString()}.
 */
class RedactionTest {

    private static final String AUTH = "s3cr3t-auth-value";
    private static final String COOKIE = "c00kie-value";
    private static final String TOKEN = "t0ken-value";
    private static final String PASSWORD = "pa55word-value";
    private static final String API_KEY = "ap1-key-value";
    private static final List<String> SECRETS = List.of(AUTH, COOKIE, TOKEN, PASSWORD, API_KEY);

    private static TestServer server;
    private static int closedPort;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpRequest secretRequest(String path) {
        return HttpRequest.get(path + "?token=" + TOKEN + "&user=ada")
                .queryParam("password", PASSWORD)
                .queryParam("api_key", s -> API_KEY)
                .header("Authorization", "Bearer " + AUTH)
                .header("Cookie", "SESSION=" + COOKIE)
                .header("X-Api-Key", API_KEY);
    }

    private static HttpConfig config(String baseUrl) {
        return HttpConfig.custom().baseUrl(baseUrl).addHeader("Authorization", "Basic " + AUTH)
                .addRedactedHeader("X-Api-Key").addRedactedParameter("api_key").build();
    }

    private static void assertClean(String text) {
        for (String secret : SECRETS) {
            assertThat(text).as("text that must not hold secrets").doesNotContain(secret);
        }
    }

    @Test
    void shouldRedactSecretsInFailureMessagesWhenRequestsFail() {
        List<String> texts = new ArrayList<>();
        try (Http local = Http.create(config(server.url()));
             Http refused = Http.create(config("http://user:" + PASSWORD + "@127.0.0.1:" + closedPort))) {
            RecordingSession session = new RecordingSession();
            List<HttpRequest> failing = List.of(
                    secretRequest("/status/500"),
                    secretRequest("/echo").check(Check.bodyContains("nowhere")),
                    secretRequest("/echo").check(Check.json("/headers/authorization", "x")),
                    secretRequest("/echo").check(Check.json("/headers/cookie", "x")),
                    secretRequest("/echo").check(Check.json("/headers/x-api-key", "x")),
                    secretRequest("/echo").check(Check.json("/query", "x")),
                    secretRequest("/echo").check(Check.header("Content-Type", "Bearer " + AUTH)),
                    secretRequest("/echo").check(Check.that("token=" + TOKEN + " is fine", r -> false)),
                    HttpRequest.post("/login").check(Check.header("Set-Cookie", "x")),
                    HttpRequest.post("/login").check(Check.headerMatches("Set-Cookie", "^nope")),
                    HttpRequest.post("/echo").formParam("password", PASSWORD).check(Check.status(201)));
            for (HttpRequest r : failing) {
                assertThatThrownBy(() -> local.execute(session, r)).isInstanceOfSatisfying(HttpFailure.class, f -> {
                    texts.add(f.getMessage());
                    texts.add(f.toString());
                    f.response().ifPresent(resp -> texts.add(resp.toString() + resp.url()));
                });
                texts.add(r.toString());
            }
            assertThatThrownBy(() -> refused.execute(session, secretRequest("/x")))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> texts.add(f.getMessage()));
            session.events.forEach(e -> {
                texts.add(e.name());
                texts.add(String.valueOf(e.message()));
            });
            texts.add(local.toString());
            texts.add(refused.toString());
            texts.add(refused.config().toString());
        }

        assertThat(texts).anySatisfy(t -> assertThat(t).contains("<redacted>"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("GET /status/500?token=<redacted>&user=ada"));
        texts.forEach(RedactionTest::assertClean);
    }

    @Test
    void shouldRedactSecretsInRunResultWhenRecordedByEngine() throws Exception {
        try (Http http = Http.create(config(server.url()))) {
            Scenario scenario = Scenario.named("secrets").users(2).iterationsPerUser(3)
                    .task(1, "secret", http.task(secretRequest("/status/503")));

            RunResult result = LoadTest.run(scenario);

            List<String> texts = new ArrayList<>();
            for (SampleStats s : result.samples()) {
                texts.add(s.name());
                for (FailureSummary f : s.failureSummaries()) {
                    f.messages().forEach(m -> texts.add(m.message()));
                }
            }
            assertThat(result.total().failures()).isEqualTo(6);
            assertThat(texts).isNotEmpty();
            texts.forEach(RedactionTest::assertClean);
        }
    }

    @Test
    void shouldStillSendSecretsWhenHidingThemEverywhereElse() {
        try (Http http = Http.create(config(server.url()))) {
            HttpResponse r = http.execute(new RecordingSession(), secretRequest("/echo"));

            // redaction is for what perfkit shows, not for what it sends
            assertThat(r.body()).contains(AUTH, COOKIE, TOKEN, PASSWORD, API_KEY);
            assertClean(r.toString());
            assertClean(r.url());
        }
    }

    @Test
    void shouldRedactSecretsInCommandOutputAndJsonWhenCommandRuns(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("result.json");

        HttpLoadCommand.run(new String[] {"-n", "20", "-c", "2", "--json", json.toString(),
                "-H", "Authorization: Bearer " + AUTH, "-H", "Cookie: SESSION=" + COOKIE,
                "http://ada:" + PASSWORD + "@" + server.url().substring("http://".length())
                        + "/status/500?token=" + TOKEN + "&password=" + PASSWORD},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertClean(out.toString(StandardCharsets.UTF_8));
        assertClean(err.toString(StandardCharsets.UTF_8));
        assertClean(Files.readString(json));
        Map<String, String> labels = ResultJson.read(json).labels();
        assertThat(labels).containsEntry("header.Authorization", "<redacted>").containsEntry("header.Cookie", "<redacted>")
                .containsEntry("url", "http://<redacted>@" + server.url().substring("http://".length())
                        + "/status/500?token=<redacted>&password=<redacted>")
                .containsEntry("status.500", "20");
    }

    @Test
    void shouldWriteNoSecretToLogWhenFailuresAreLogged() throws IOException {
        String log = System.getProperty("perfkit.http.testLog");
        try (Http http = Http.create(config(server.url()))) {
            RecordingSession session = new RecordingSession();
            assertThatThrownBy(() -> http.execute(session, secretRequest("/status/500"))).isInstanceOf(HttpFailure.class);
            assertThatThrownBy(() -> http.execute(session, secretRequest("/echo").check(Check.bodyContains("nope"))))
                    .isInstanceOf(HttpFailure.class);
        }
        try (Http insecure = Http.create(HttpConfig.custom().baseUrl("https://u:" + PASSWORD + "@127.0.0.1:1").insecure(true).build())) {
            assertThat(insecure.config().insecure()).isTrue();
        }
        if (log == null) {
            return; // run outside Maven: no log file configured
        }
        String text = Files.readString(Path.of(log));
        assertThat(text).contains("perf-http client 'http': GET /status/500?token=<redacted>&user=ada failed, http_5xx");
        assertThat(text).contains("INSECURE mode");
        assertClean(text);
    }
}
