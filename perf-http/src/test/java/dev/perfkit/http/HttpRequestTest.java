package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

    @Test
    void shouldLeaveReceiverUnchangedWhenCopyIsChanged() {
        HttpRequest base = HttpRequest.get("/users/{id}");

        HttpRequest named = base.name("user").header("Accept", "application/json").check(Check.status(200));

        assertThat(base.name()).isEqualTo("GET /users/{id}");
        assertThat(base.checks()).isEmpty();
        assertThat(named.name()).isEqualTo("user");
        assertThat(named.checks()).hasSize(1);
        assertThat(named.path()).isEqualTo("/users/{id}");
        assertThat(named.method()).isEqualTo("GET");
    }

    @Test
    void shouldNameSampleAfterTemplateWhenNoNameIsGiven() {
        assertThat(HttpRequest.post("/orders/{order}/items").name()).isEqualTo("POST /orders/{order}/items");
        assertThat(HttpRequest.method("purge", "/cache").name()).isEqualTo("PURGE /cache");
        assertThat(HttpRequest.get("/login?password=x&next=/").name()).isEqualTo("GET /login?password=<redacted>&next=/");
    }

    @Test
    void shouldKnowWhetherItDependsOnSessionWhenDefined() {
        assertThat(HttpRequest.get("/a").queryParam("q", "1").header("A", "b").isDynamic()).isFalse();
        assertThat(HttpRequest.post("/a").jsonBody(java.util.Map.of("a", 1)).isDynamic()).isFalse();
        assertThat(HttpRequest.get("/a/{id}").isDynamic()).isTrue();
        assertThat(HttpRequest.get("/a").queryParam("q", s -> 1).isDynamic()).isTrue();
        assertThat(HttpRequest.get("/a").header("A", s -> "b").isDynamic()).isTrue();
        assertThat(HttpRequest.post("/a").formParam("a", s -> 1).isDynamic()).isTrue();
        assertThat(HttpRequest.post("/a").jsonBody(s -> 1).isDynamic()).isTrue();
    }

    @Test
    void shouldNameRequestAndFieldWhenDefinitionIsBad() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("users"))
                .withMessage("request[GET users]: path must start with '/' or be an absolute http(s) URL, was \"users\"");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/users/{id"))
                .withMessage("request[GET /users/{id]: path has a '{' without '}' at index 7, was \"/users/{id\"");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/users/id}"))
                .withMessage("request[GET /users/id}]: path has a '}' without '{' at index 9, was \"/users/id}\"");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/users/{}"))
                .withMessageStartingWith("request[GET /users/{}]: path variable names are letters, digits");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/a b"))
                .withMessage("request[GET /a b]: path must not hold spaces or control characters (encode them)");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.method("GE T", "/"))
                .withMessage("request: method must be an HTTP token (no spaces or separators), was \"GE T\"");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/a").body("x"))
                .withMessage("request[GET /a]: a GET request cannot have a body");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.post("/a").body("x").formParam("a", "b"))
                .withMessage("request[POST /a]: the request already has a text body, cannot add a form one");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/a/{id}").pathParam("user", s -> 1))
                .withMessage("request[GET /a/{id}]: path has no variable {user}, has [id]");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.post("/a").body("x", "json"))
                .withMessage("request[POST /a]: contentType must look like type/subtype, was \"json\"");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/a").name(""))
                .withMessage("request[GET /a]: name must not be blank, was \"\"");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/a").callTimeout(Duration.ofSeconds(-1)))
                .withMessage("request[GET /a]: callTimeout must be >= 0, was -1s");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.get("/a").header("X", "a\nb"))
                .withMessage("request[GET /a]: header[X] must not hold control characters (a line break?), at index 1");
    }

    @Test
    void shouldShowNoSecretWhenPrinted() {
        HttpRequest r = HttpRequest.post("/login?token=abc").queryParam("password", "hunter2").queryParam("page", "2")
                .header("Authorization", "Bearer xyz").header("Cookie", "sid=123").header("Accept", "text/plain")
                .formParam("password", "hunter2").check(Check.status(200));

        assertThat(r.toString())
                .isEqualTo("HttpRequest{POST /login?token=<redacted>, query=[password, page], "
                        + "headers=[Authorization, Cookie, Accept], body=form, checks=[check status is 200]}")
                .doesNotContain("hunter2", "xyz", "123", "abc");
    }
}
