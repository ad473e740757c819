package dev.perfkit.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void shouldExpandEveryVariableWhenTemplateHasSeveral() {
        PathTemplate t = PathTemplate.parse("test", "/users/{user}/orders/{order}.json");

        assertThat(t.variables()).containsExactly("user", "order");
        assertThat(t.isStatic()).isFalse();
        assertThat(t.expand(Map.of("user", "17", "order", "A-9")::get)).isEqualTo("/users/17/orders/A-9.json");
    }

    @Test
    void shouldEncodeValueAsOneSegmentWhenItHoldsReservedCharacters() {
        PathTemplate t = PathTemplate.parse("test", "/q/{v}");

        assertThat(t.expand(v -> "a/b c?d#e%f")).isEqualTo("/q/a%2Fb%20c%3Fd%23e%25f");
        assertThat(t.expand(v -> "é€😀")).isEqualTo("/q/%C3%A9%E2%82%AC%F0%9F%98%80");
        assertThat(t.expand(v -> "keep-._~!$&'()*+,;=:@")).isEqualTo("/q/keep-._~!$&'()*+,;=:@");
    }

    @Test
    void shouldKnowStaticAndAbsoluteTemplatesWhenParsed() {
        assertThat(PathTemplate.parse("t", "/plain").isStatic()).isTrue();
        assertThat(PathTemplate.parse("t", "/plain").expand(v -> "x")).isEqualTo("/plain");
        assertThat(PathTemplate.parse("t", "HTTPS://h/x").isAbsolute()).isTrue();
        assertThat(PathTemplate.parse("t", "/http://").isAbsolute()).isFalse();
        assertThat(PathTemplate.parse("t", "/{a}{a}").expand(v -> "z")).isEqualTo("/zz");
    }
}
