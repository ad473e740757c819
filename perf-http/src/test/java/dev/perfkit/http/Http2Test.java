package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/2 really negotiates: the server reports the protocol it saw each request on. */
class Http2Test {

    private static JettyServer plain;
    private static JettyServer tls;

    @BeforeAll
    static void start() throws Exception {
        plain = JettyServer.plain();
        tls = JettyServer.tls();
    }

    @AfterAll
    static void stop() throws Exception {
        plain.close();
        tls.close();
    }

    @Test
    void shouldSpeakH2cWhenPriorKnowledgeIsConfigured() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(plain.url()).protocol(HttpProtocol.H2C).build())) {
            HttpResponse r = http.execute(new RecordingSession(), HttpRequest.get("/"));

            assertThat(r.protocol()).isEqualTo("h2_prior_knowledge");
            assertThat(JettyServer.protocolOf(r)).isEqualTo("HTTP/2.0");
        }
    }

    @Test
    void shouldNegotiateH2WhenTlsServerOffersIt() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(tls.url()).trustStore(TestCertificates.trustStore())
                .protocol(HttpProtocol.HTTP_2).build())) {
            RecordingSession session = new RecordingSession();

            HttpResponse r = http.execute(session, HttpRequest.get("/"));

            assertThat(r.protocol()).isEqualTo("h2");
            assertThat(JettyServer.protocolOf(r)).isEqualTo("HTTP/2.0");
            assertThat(session.timing("GET / tls")).isPresent();
        }
    }

    @Test
    void shouldStayOnHttp11WhenOnlyHttp11IsConfigured() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(tls.url()).trustStore(TestCertificates.trustStore())
                .protocol(HttpProtocol.HTTP_1_1).build())) {
            HttpResponse r = http.execute(new RecordingSession(), HttpRequest.get("/"));

            assertThat(r.protocol()).isEqualTo("http/1.1");
            assertThat(JettyServer.protocolOf(r)).isEqualTo("HTTP/1.1");
        }
    }

    @Test
    void shouldUseHttp11WhenPlainUrlAndDefaultProtocol() {
        try (Http http = Http.create(HttpConfig.of(plain.url()))) {
            HttpResponse r = http.execute(new RecordingSession(), HttpRequest.get("/"));

            assertThat(r.protocol()).isEqualTo("http/1.1");
            assertThat(JettyServer.protocolOf(r)).isEqualTo("HTTP/1.1");
        }
    }

    @Test
    void shouldMultiplexAllUsersOnOneConnectionWhenH2c() throws Exception {
        Set<String> protocols = ConcurrentHashMap.newKeySet();
        try (Http http = Http.create(HttpConfig.custom().baseUrl(plain.url()).protocol(HttpProtocol.H2C).build())) {
            // Concurrent first calls may each open a connection before one is up (OkHttp does not
            // wait for a pending h2 connection), so one request establishes it first.
            http.execute(new RecordingSession(), HttpRequest.get("/"));
            Scenario scenario = Scenario.named("h2c").users(20).iterationsPerUser(25)
                    .task(1, "get", s -> protocols.add(JettyServer.protocolOf(http.execute(s, HttpRequest.get("/")))));

            RunResult result = LoadTest.run(scenario);

            assertThat(result.total().count()).isEqualTo(500);
            assertThat(result.total().failures()).isZero();
            assertThat(protocols).containsExactly("HTTP/2.0");
            assertThat(http.connectionCount()).isEqualTo(1);
            assertThat(result.sample("GET / connect")).as("no user opened a connection").isEmpty();
        }
    }

    @Test
    void shouldFailAsIoWhenH2cMeetsHttp11OnlyServer() {
        try (TestServer http11 = TestServer.start();
             Http http = Http.create(HttpConfig.custom().baseUrl(http11.url()).protocol(HttpProtocol.H2C)
                     .readTimeout(java.time.Duration.ofSeconds(1)).build())) {
            assertThatThrownBy(() -> http.execute(new RecordingSession(), HttpRequest.get("/hello")))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.httpCategory())
                            .isIn(HttpFailureCategory.IO, HttpFailureCategory.READ_TIMEOUT));
        }
    }

    @Test
    void shouldSpeakH2cFromCommandLineWhenHttp2IsAsked() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = HttpLoadCommand.run(new String[] {"--http2", "-c", "4", "-n", "200", "-q", plain.url() + "/"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(HttpLoadCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("status codes: 200 x 200");
    }
}
