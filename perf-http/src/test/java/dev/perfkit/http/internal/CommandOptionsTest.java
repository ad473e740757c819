package dev.perfkit.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

    @Test
    void shouldApplyDefaultsWhenOnlyUrlIsGiven() {
        CommandOptions o = CommandOptions.parse(new String[] {"http://127.0.0.1:8080/"});

        assertThat(o.method).isEqualTo("GET");
        assertThat(o.users).isEqualTo(CommandOptions.DEFAULT_USERS);
        assertThat(o.rate).isZero();
        assertThat(o.duration).isEqualTo(CommandOptions.DEFAULT_DURATION);
        assertThat(o.requests).isZero();
        assertThat(o.http2).isFalse();
    }

    @Test
    void shouldReadEveryOptionWhenGiven() {
        CommandOptions o = CommandOptions.parse(new String[] {"-X", "put", "-H", "A: b: c", "--header=X-Y:z", "-d", "[1]",
                "-r", "2500.5", "--max-concurrency", "64", "-z", "1m30s", "-n", "1_000", "--http2", "-k", "-t", "2s",
                "--connect-timeout", "500ms", "--read-timeout", "3", "--max-connections", "50", "--json", "r.json", "-q",
                "https://127.0.0.1/"});

        assertThat(o.method).isEqualTo("PUT");
        assertThat(o.headers).hasSize(2);
        assertThat(o.headers.get(0)).containsExactly("A", "b: c");
        assertThat(o.headers.get(1)).containsExactly("X-Y", "z");
        assertThat(new String(o.body)).isEqualTo("[1]");
        assertThat(o.contentType).isEqualTo("application/json");
        assertThat(o.users).isZero();
        assertThat(o.rate).isEqualTo(2500.5);
        assertThat(o.maxConcurrency).isEqualTo(64);
        assertThat(o.duration).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.requests).isEqualTo(1000);
        assertThat(o.http2).isTrue();
        assertThat(o.insecure).isTrue();
        assertThat(o.timeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.connectTimeout).isEqualTo(Duration.ofMillis(500));
        assertThat(o.readTimeout).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.maxConnections).isEqualTo(50);
        assertThat(o.json).hasToString("r.json");
        assertThat(o.quiet).isTrue();
    }

    @Test
    void shouldPickPostAndTextWhenBodyIsPlain() {
        CommandOptions o = CommandOptions.parse(new String[] {"-d", "hello", "http://h/"});

        assertThat(o.method).isEqualTo("POST");
        assertThat(o.contentType).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void shouldExplainWhenArgumentsAreWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"-z"}))
                .withMessage("-z needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"-z", "soon", "http://h/"}))
                .withMessage("-z: not a duration: \"soon\" (write 30s, 1m30s, 250ms or 2h)");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"--frobnicate", "http://h/"}))
                .withMessage("unknown option --frobnicate");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"http://a/", "http://b/"}))
                .withMessage("one URL expected, got 2");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"-H", "NoColon", "http://h/"}))
                .withMessage("--header must be 'NAME: VALUE', was \"NoColon\"");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"-X", "GET", "-d", "x", "http://h/"}))
                .withMessage("a GET request cannot have a body (give -X POST or another method)");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"-d", "@/no/such/file", "http://h/"}))
                .withMessageStartingWith("--data @/no/such/file: cannot read /no/such/file");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"-r", "-5", "http://h/"}))
                .withMessage("-r must be a number > 0, was \"-5\"");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandOptions.parse(new String[] {"http://user:pw@/"}))
                .withMessage("the URL must be an absolute http or https URL, was \"http://<redacted>@/\"");
    }
}
