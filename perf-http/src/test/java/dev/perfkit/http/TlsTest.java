package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against test targets: a custom trust store, a PEM authority, and the explicit insecure mode. */
class TlsTest {

    private static TestServer trusted;
    private static TestServer stranger;

    @BeforeAll
    static void start() {
        trusted = TestServer.startTls(TestCertificates.serverContext());
        stranger = TestServer.startTls(TestCertificates.strangerContext());
    }

    @AfterAll
    static void stop() {
        trusted.close();
        stranger.close();
    }

    @Test
    void shouldConnectWhenTrustStoreHoldsServersAuthority() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(trusted.url()).trustStore(TestCertificates.trustStore()).build())) {
            RecordingSession session = new RecordingSession();

            HttpResponse r = http.execute(session, HttpRequest.get("/hello"));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.timings().tlsNanos()).isPositive();
            assertThat(session.timing("GET /hello tls")).isPresent();
        }
    }

    @Test
    void shouldConnectWhenTrustStoreIsReadFromFiles(@TempDir Path dir) throws IOException, GeneralSecurityException {
        char[] password = "changeit".toCharArray();
        HttpConfig fromP12 = HttpConfig.custom().baseUrl(trusted.url()).trustStore(TestCertificates.trustStoreFile(dir, password), password).build();
        HttpConfig fromPem = HttpConfig.custom().baseUrl(trusted.url()).trustCertificates(TestCertificates.rootPem(dir)).build();

        for (HttpConfig config : new HttpConfig[] {fromP12, fromPem}) {
            try (Http http = Http.create(config)) {
                assertThat(http.execute(new RecordingSession(), HttpRequest.get("/hello")).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void shouldFailWithTlsCategoryWhenCertificateIsNotTrusted() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(stranger.url()).trustStore(TestCertificates.trustStore()).build())) {
            RecordingSession session = new RecordingSession();

            assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/hello")))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> {
                        assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.TLS);
                        assertThat(f.getMessage()).startsWith("GET /hello: SSLHandshakeException");
                    });
        }
    }

    @Test
    void shouldFailWithTlsCategoryWhenJdkTrustIsUsedForPrivateAuthority() {
        try (Http http = Http.create(HttpConfig.of(trusted.url()))) {
            assertThatThrownBy(() -> http.execute(new RecordingSession(), HttpRequest.get("/hello")))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.TLS));
        }
    }

    @Test
    void shouldConnectAndWarnWhenInsecureModeIsExplicit() throws IOException {
        try (Http http = Http.create(HttpConfig.custom().name("insecure-test").baseUrl(stranger.url()).insecure(true).build())) {
            assertThat(http.execute(new RecordingSession(), HttpRequest.get("/hello")).status()).isEqualTo(200);
        }
        String log = System.getProperty("perfkit.http.testLog");
        if (log != null && Files.exists(Path.of(log))) {
            assertThat(Files.readString(Path.of(log)))
                    .contains("perf-http client 'insecure-test': INSECURE mode: TLS certificates and host names are not checked for "
                            + stranger.url());
        }
    }

    @Test
    void shouldRejectTrustStoreWithInsecureModeWhenBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpConfig.custom().insecure(true)
                        .trustStore(TestCertificates.trustStore()).build())
                .withMessage("httpConfig[http]: insecure trusts every certificate, so a trustStore has no use: set one or the other");
    }

    @Test
    void shouldNameFileWhenTrustStoreCannotBeRead(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");

        assertThatIllegalArgumentException().isThrownBy(() -> HttpConfig.custom().trustStore(junk, null))
                .withMessageStartingWith("httpConfig[http]: trustStore could not be read from " + junk);
        assertThatIllegalArgumentException().isThrownBy(() -> HttpConfig.custom().trustCertificates(junk))
                .withMessageStartingWith("httpConfig[http]: trustCertificates");
    }
}
