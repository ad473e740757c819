package dev.perfkit.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLabelsTest {

    @Test
    void shouldListEverySettingInOrderWhenOpenModelWithHeadersAndBody() {
        CommandOptions o = CommandOptions.parse(new String[] {"-X", "put", "-H", "Authorization: Bearer abc.def",
                "-H", "Accept: text/plain", "-H", "accept: application/json", "-d", "[1]", "-r", "2500.5",
                "--max-concurrency", "64", "-z", "1m30s", "-n", "1_000", "--http2", "-k",
                "https://u:hunter2@127.0.0.1/x?password=hunter2"});
        Map<Integer, Long> statuses = new LinkedHashMap<>();
        statuses.put(200, 990L);
        statuses.put(503, 10L);

        Map<String, String> labels = CommandLabels.of(o, Redactor.defaults(), statuses);

        assertThat(labels).containsExactly(Map.entry("method", "PUT"),
                Map.entry("url", "https://<redacted>@127.0.0.1/x?password=<redacted>"), Map.entry("model", "open"),
                Map.entry("rate", "2500.5"), Map.entry("maxConcurrency", "64"), Map.entry("duration", "1m30s"),
                Map.entry("requests", "1000"), Map.entry("http2", "true"), Map.entry("insecure", "true"),
                Map.entry("header.Authorization", "<redacted>"), Map.entry("header.Accept", "text/plain"),
                Map.entry("header.accept", "application/json"), Map.entry("bodyBytes", "3"),
                Map.entry("status.200", "990"), Map.entry("status.503", "10"));
    }

    @Test
    void shouldNameUsersAndJoinRepeatedHeadersWhenClosedModel() {
        CommandOptions o = CommandOptions.parse(new String[] {"-c", "3", "-H", "X-Tag: a", "-H", "X-Tag: b",
                "http://127.0.0.1:8080/"});

        Map<String, String> labels = CommandLabels.of(o, Redactor.defaults(), Map.of());

        assertThat(labels).containsEntry("model", "closed").containsEntry("users", "3")
                .containsEntry("duration", "10s").containsEntry("header.X-Tag", "a, b").containsEntry("bodyBytes", "0")
                .doesNotContainKeys("rate", "maxConcurrency", "requests")
                .noneSatisfy((name, value) -> assertThat(name).startsWith(CommandLabels.STATUS));
    }
}
