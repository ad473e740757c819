package dev.perfkit.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    private final Redactor redactor = new Redactor(Set.of("X-Api-Key"), Set.of("sig"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /login?password=hunter2&next=/home   | GET /login?password=<redacted>&next=/home",
        "/cb?access_token=abc.def&state=1         | /cb?access_token=<redacted>&state=1",
        "/x?Token=A1&SECRET_KEY=zz                | /x?Token=<redacted>&SECRET_KEY=<redacted>",
        "/x?sig=deadbeef&page=2                   | /x?sig=<redacted>&page=2",
        "/x?signal=3                              | /x?signal=3",
        "Authorization: Bearer abc.def.ghi        | Authorization: <redacted>",
        "cookie=SESSION=abc; Path=/               | cookie=<redacted>",
        "set-cookie: a=b                          | set-cookie: <redacted>",
        "X-API-KEY: k3y                           | X-API-KEY: <redacted>",
        "sent Bearer abc.def to the server        | sent Bearer <redacted> to the server",
        "Basic dXNlcjpwYXNz                       | Basic <redacted>",
        "https://ada:hunter2@host:8443/a?b=c      | https://<redacted>@host:8443/a?b=c",
        "{\"password\":\"hunter2\",\"user\":\"ada\"} | {\"password\":\"<redacted>\",\"user\":\"ada\"}",
        "{\"refreshToken\": \"r\\\"1\"}            | {\"refreshToken\": \"<redacted>\"}",
        "nothing secret here, a cookie jar        | nothing secret here, a cookie jar",
    })
    void shouldHideSecretWhenTextHoldsOne(String text, String expected) {
        assertThat(redactor.text(text)).isEqualTo(expected);
    }

    @Test
    void shouldKnowSecretNamesWhenAsked() {
        assertThat(List.of("Authorization", "proxy-authorization", "COOKIE", "Set-Cookie", "x-api-key"))
                .allMatch(redactor::isSecretHeader);
        assertThat(redactor.isSecretHeader("Accept")).isFalse();
        assertThat(List.of("password", "new_password", "passwd", "token", "id_token", "clientSecret", "SIG"))
                .allMatch(redactor::isSecretParameter);
        assertThat(redactor.isSecretParameter("page")).isFalse();
        assertThat(redactor.headerValue("Cookie", "a=b")).isEqualTo(Redactor.MASK);
        assertThat(redactor.headerValue("Accept", "text/plain")).isEqualTo("text/plain");
        assertThat(redactor.text(null)).isNull();
        assertThat(Redactor.defaults().isSecretHeader("x-api-key")).isFalse();
    }
}
