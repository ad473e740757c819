package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpConfigTest {

    @Test
    void shouldHoldNamedDefaultsWhenNothingIsSet() {
        HttpConfig c = HttpConfig.custom().build();

        assertThat(c.name()).isEqualTo(HttpConfig.DEFAULT_NAME);
        assertThat(c.baseUrl()).isEmpty();
        assertThat(c.headers()).isEmpty();
        assertThat(c.userAgent()).isEqualTo(HttpConfig.DEFAULT_USER_AGENT);
        assertThat(c.connectTimeout()).isEqualTo(HttpConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(c.readTimeout()).isEqualTo(HttpConfig.DEFAULT_READ_TIMEOUT);
        assertThat(c.writeTimeout()).isEqualTo(HttpConfig.DEFAULT_WRITE_TIMEOUT);
        assertThat(c.callTimeout()).isEqualTo(HttpConfig.DEFAULT_CALL_TIMEOUT).isZero();
        assertThat(c.maxConnections()).isEqualTo(HttpConfig.UNLIMITED);
        assertThat(c.keepAlive()).isEqualTo(HttpConfig.DEFAULT_KEEP_ALIVE);
        assertThat(c.protocol()).isEqualTo(HttpConfig.DEFAULT_PROTOCOL).isEqualTo(HttpProtocol.HTTP_2);
        assertThat(c.maxBodyBytes()).isEqualTo(HttpConfig.DEFAULT_MAX_BODY_BYTES);
        assertThat(c.trustStore()).isEmpty();
        assertThat(c.insecure()).isFalse();
        assertThat(c.followRedirects()).isTrue();
        assertThat(c.cookies()).isTrue();
        assertThat(c.timings()).isTrue();
        assertThat(c.recordRequests()).isTrue();
        assertThat(c.retryOnConnectionFailure()).isTrue();
        assertThat(c.objectMapper()).isNotNull();
    }

    @Test
    void shouldCopyEveryFieldAndLeaveOriginalWhenToBuilderChangesOne() {
        HttpConfig original = HttpConfig.custom().name("api").baseUrl("http://127.0.0.1:8080/").addHeader("Accept", "text/html")
                .maxConnections(7).protocol(HttpProtocol.H2C).cookies(false).addRedactedHeader("X-Key").build();

        HttpConfig changed = original.toBuilder().readTimeout(Duration.ofSeconds(1)).addHeader("accept", "application/json").build();

        assertThat(original.readTimeout()).isEqualTo(HttpConfig.DEFAULT_READ_TIMEOUT);
        assertThat(original.headers()).containsExactly(java.util.Map.entry("Accept", "text/html"));
        assertThat(changed.headers()).containsExactly(java.util.Map.entry("accept", "application/json"));
        assertThat(changed.readTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(changed.name()).isEqualTo("api");
        assertThat(changed.baseUrl()).contains("http://127.0.0.1:8080");
        assertThat(changed.maxConnections()).isEqualTo(7);
        assertThat(changed.protocol()).isEqualTo(HttpProtocol.H2C);
        assertThat(changed.cookies()).isFalse();
        assertThat(changed.redactedHeaders()).containsExactly("X-Key");
        assertThat(changed.objectMapper()).isSameAs(original.objectMapper());
    }

    @Test
    void shouldNameFieldAndValueWhenValueIsBad() {
        HttpConfig.Builder b = HttpConfig.custom().name("api");

        assertThatIllegalArgumentException().isThrownBy(() -> b.baseUrl("ftp://host/"))
                .withMessage("httpConfig[api]: baseUrl must be an absolute http or https URL with a host, was \"ftp://host/\"");
        assertThatIllegalArgumentException().isThrownBy(() -> b.baseUrl("http://host/?q=1"))
                .withMessage("httpConfig[api]: baseUrl must have no query or fragment (put them on requests), was \"http://host/?q=1\"");
        assertThatIllegalArgumentException().isThrownBy(() -> b.baseUrl("http://user:pw@ho st/"))
                .withMessageStartingWith("httpConfig[api]: baseUrl is not a URL")
                .withMessageEndingWith("was \"http://<redacted>@ho st/\"");
        assertThatIllegalArgumentException().isThrownBy(() -> b.connectTimeout(Duration.ZERO))
                .withMessage("httpConfig[api]: connectTimeout must be > 0, was 0s");
        assertThatIllegalArgumentException().isThrownBy(() -> b.callTimeout(Duration.ofMillis(-5)))
                .withMessage("httpConfig[api]: callTimeout must be >= 0, was -5ms");
        assertThatIllegalArgumentException().isThrownBy(() -> b.maxConnections(-1))
                .withMessage("httpConfig[api]: maxConnections must be >= 0, was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> b.addHeader("X-Bad", "a\r\nInjected: yes"))
                .withMessage("httpConfig[api]: header[X-Bad] must not hold control characters (a line break?), at index 1");
        assertThatIllegalArgumentException().isThrownBy(() -> b.addHeader("Bad Name", "v"))
                .withMessage("httpConfig[api]: header name must be an HTTP token (no spaces or separators), was \"Bad Name\"");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpConfig.custom().name(" "))
                .withMessage("httpConfig: name must not be blank, was \" \"");
        assertThatNullPointerException().isThrownBy(() -> b.protocol(null))
                .withMessage("httpConfig[api]: protocol must not be null");
    }

    @Test
    void shouldReportEveryConflictTogetherWhenBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpConfig.custom().baseUrl("https://h").protocol(HttpProtocol.H2C)
                        .insecure(true).trustStore(TestCertificates.trustStore()).build())
                .withMessage("httpConfig[http]: protocol H2C is HTTP/2 without TLS, but baseUrl is https (use HTTP_2 for h2 over TLS); "
                        + "insecure trusts every certificate, so a trustStore has no use: set one or the other");
    }

    @Test
    void shouldHideSecretsWhenPrinted() {
        HttpConfig c = HttpConfig.custom().baseUrl("http://ada:hunter2@127.0.0.1:8080").addHeader("Authorization", "Bearer xyz")
                .addHeader("X-Api-Key", "k3y").addRedactedHeader("x-api-key").addHeader("Accept", "text/plain").build();

        assertThat(c.toString())
                .contains("baseUrl=http://<redacted>@127.0.0.1:8080")
                .contains("Authorization=<redacted>")
                .contains("X-Api-Key=<redacted>")
                .contains("Accept=text/plain")
                .doesNotContain("hunter2", "xyz", "k3y");
    }
}
