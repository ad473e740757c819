package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ListenerTest {

    @Test
    void shouldDeliverEveryIntervalAndTheResultWhenAnotherListenerThrows() throws Exception {
        List<IntervalStats> seen = new CopyOnWriteArrayList<>();
        AtomicReference<RunResult> ended = new AtomicReference<>();
        RunListener broken = new RunListener() {
            @Override
            public void onInterval(IntervalStats interval) {
                throw new IllegalStateException("listener bug");
            }
        };
        RunListener recording = new RunListener() {
            @Override
            public void onInterval(IntervalStats interval) {
                seen.add(interval);
            }

            @Override
            public void onEnd(RunResult result) {
                ended.set(result);
            }
        };
        Scenario scenario = Scenario.named("listened").users(4).hold(Duration.ofMillis(500))
                .task(1, "t", session -> LockSupport.parkNanos(1_000_000));

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100))
                .addListener(broken).addListener(recording).build());

        assertThat(ended.get()).isSameAs(result);
        assertThat(seen).isEqualTo(result.intervals());
        assertThat(seen.size()).isBetween(5, 7);
        assertThat(seen).extracting(IntervalStats::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, seen.size()).boxed().toList());
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void shouldPrintProgressAndSummaryWhenConsoleListenerIsAttached() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Scenario scenario = Scenario.named("console").users(2).iterationsPerUser(50)
                .task(1, "t", session -> { });

        LoadTest.run(scenario, RunOptions.custom().addListener(ConsoleListener.to(out, true)).build());

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("perfkit: running console: closed, 2 users")
                .contains("console: COMPLETED (every user finished its 50 iterations)")
                .containsPattern("\\[\\s*\\d+s\\] users\\s+\\d+ \\| in flight")
                .containsPattern("\\nt\\s+100\\s+0\\s+0\\.00")
                .contains("total (tasks)");
    }

    @Test
    void shouldPrintProgressButNoSummaryWhenConsoleListenerIsProgressOnly() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Scenario scenario = Scenario.named("console").users(2).iterationsPerUser(50)
                .task(1, "t", session -> { });

        LoadTest.run(scenario, RunOptions.custom().addListener(ConsoleListener.progressOnly(out)).build());

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("perfkit: running console: closed, 2 users")
                .containsPattern("\\[\\s*\\d+s\\] users\\s+\\d+ \\| in flight")
                .doesNotContain("COMPLETED")
                .doesNotContain("total (tasks)");
    }
}
