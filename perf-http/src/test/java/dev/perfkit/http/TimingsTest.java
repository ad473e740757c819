package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The phases of each request, from OkHttp's events, recorded beside the request and adding up. */
class TimingsTest {

    private static TestServer server;
    private static TestServer tlsServer;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        tlsServer = TestServer.startTls(TestCertificates.serverContext());
    }

    @AfterAll
    static void stop() {
        server.close();
        tlsServer.close();
    }

    @Test
    void shouldRecordConnectOnlyForNewConnectionWhenConnectionIsReused() {
        try (Http http = Http.create(HttpConfig.of(server.url()))) {
            RecordingSession session = new RecordingSession();

            HttpResponse first = http.execute(session, HttpRequest.get("/hello"));
            HttpResponse second = http.execute(session, HttpRequest.get("/hello"));

            assertThat(first.timings().newConnection()).isTrue();
            assertThat(first.timings().connectNanos()).isPositive();
            assertThat(second.timings().newConnection()).isFalse();
            assertThat(second.timings().connectNanos()).isZero();
            assertThat(session.timings()).extracting(RecordingSession.Event::name).containsExactly(
                    "GET /hello connect", "GET /hello sending", "GET /hello waiting", "GET /hello receiving",
                    "GET /hello sending", "GET /hello waiting", "GET /hello receiving");
            assertThat(first.timings().tlsNanos()).isZero();
            assertThat(first.timings().dnsNanos()).isZero();   // an IP address: no lookup
        }
    }

    @Test
    void shouldRecordDnsWhenHostIsAName() {
        try (Http http = Http.create(HttpConfig.of("http://localhost:" + server.port()))) {
            RecordingSession session = new RecordingSession();

            HttpResponse r = http.execute(session, HttpRequest.get("/hello"));

            assertThat(r.timings().dnsNanos()).isPositive();
            assertThat(session.timing("GET /hello dns")).isPresent();
        }
    }

    @Test
    void shouldRecordTlsHandshakeApartFromConnectWhenHttps() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(tlsServer.url()).trustStore(TestCertificates.trustStore()).build())) {
            RecordingSession session = new RecordingSession();

            HttpTimings t = http.execute(session, HttpRequest.get("/hello")).timings();

            assertThat(t.tlsNanos()).isPositive();
            assertThat(t.connectNanos()).isPositive();
            assertThat(session.timing("GET /hello tls").orElseThrow().nanos()).isEqualTo(t.tlsNanos());
            assertThat(session.timing("GET /hello connect").orElseThrow().nanos()).isEqualTo(t.connectNanos());
            assertThat(t.phasesNanos()).isLessThanOrEqualTo(t.totalNanos());
        }
    }

    @Test
    void shouldPutServerTimeInWaitingAndAddUpToTotalWhenServerIsSlow() {
        try (Http http = Http.create(HttpConfig.of(server.url()))) {
            RecordingSession session = new RecordingSession();
            List<HttpTimings> all = new ArrayList<>();

            for (int i = 0; i < 20; i++) {
                all.add(http.execute(session, HttpRequest.get("/slow").queryParam("ms", "20")).timings());
            }

            long twentyMs = TimeUnit.MILLISECONDS.toNanos(20);
            assertThat(all).allSatisfy(t -> {
                assertThat(t.waitingNanos()).isGreaterThanOrEqualTo(twentyMs);
                assertThat(t.phasesNanos()).isLessThanOrEqualTo(t.totalNanos());
                assertThat(t.sendingNanos() + t.waitingNanos() + t.receivingNanos()).isLessThanOrEqualTo(t.totalNanos());
            });
            // The phases cover the request: what they leave out is the client's own work, microseconds
            // against the server's 20 ms, so on average they cover well over half of the total.
            double covered = all.stream().mapToLong(HttpTimings::phasesNanos).sum()
                    / (double) all.stream().mapToLong(HttpTimings::totalNanos).sum();
            assertThat(covered).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
            List<RecordingSession.Event> waits = session.timings().stream().filter(e -> e.name().equals("GET /slow waiting")).toList();
            assertThat(waits).extracting(RecordingSession.Event::nanos).containsExactlyElementsOf(all.stream().map(HttpTimings::waitingNanos).toList());
        }
    }

    @Test
    void shouldRecordBlockedWhenPoolIsCapped() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(server.url()).maxConnections(2).build())) {
            RecordingSession session = new RecordingSession();

            HttpResponse r = http.execute(session, HttpRequest.get("/hello"));

            assertThat(session.timing("GET /hello blocked")).isPresent();
            assertThat(r.timings().blockedNanos()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void shouldRecordNoTimingWhenTimingsAreOff() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(server.url()).timings(false).build())) {
            RecordingSession session = new RecordingSession();

            HttpResponse r = http.execute(session, HttpRequest.get("/hello"));

            assertThat(session.timings()).isEmpty();
            assertThat(r.timings().totalNanos()).isPositive();
            assertThat(r.timings().waitingNanos()).isZero();
        }
    }

    @Test
    void shouldKeepTimingsOutOfTotalsWhenRunByEngine() throws Exception {
        try (Http http = Http.create(HttpConfig.of(server.url()))) {
            Scenario scenario = Scenario.named("timings").users(4).iterationsPerUser(25).task(1, "hello", http.task(HttpRequest.get("/hello")));

            RunResult result = LoadTest.run(scenario);

            assertThat(result.total().kind()).isEqualTo(SampleKind.REQUEST);
            assertThat(result.total().count()).isEqualTo(100);
            SampleStats waiting = result.sample("GET /hello waiting").orElseThrow();
            assertThat(waiting.kind()).isEqualTo(SampleKind.TIMING);
            assertThat(waiting.count()).isEqualTo(100);
            assertThat(result.sample("GET /hello connect").orElseThrow().count()).isBetween(1L, 4L);
            assertThat(waiting.responseTime().meanNanos()).isLessThanOrEqualTo(result.sample("GET /hello").orElseThrow().responseTime().meanNanos());
        }
    }
}
