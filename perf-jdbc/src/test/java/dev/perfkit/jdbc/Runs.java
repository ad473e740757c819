package dev.perfkit.jdbc;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Task;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Bounded runs for the tests: a fixed number of iterations, a hard stop as a safety net. */
final class Runs {

    static final Duration SAFETY_STOP = Duration.ofMinutes(1);

    private Runs() {
    }

    /** One user, one iteration of {@code task}. */
    static RunResult once(Task task) throws InterruptedException {
        return LoadTest.run(Scenario.named("once").users(1).iterationsPerUser(1).task(1, "once", task)
                .maxDuration(SAFETY_STOP).seed(1));
    }

    /** {@code users} users, {@code iterations} iterations each, sampling the pool every 50 ms. */
    static RunResult users(JdbcPool pool, int users, int iterations, Task task) throws InterruptedException {
        Scenario scenario = Scenario.named("users").users(users).iterationsPerUser(iterations).task(1, "work", task)
                .maxDuration(SAFETY_STOP).seed(1);
        return LoadTest.run(scenario, pool.addGaugesTo(RunOptions.custom().interval(Duration.ofMillis(50))).build());
    }

    /** The failure counts of a sample by category. */
    static Map<String, Long> failures(SampleStats stats) {
        return stats.failureSummaries().stream().collect(Collectors.toMap(f -> f.category(), f -> f.count()));
    }

    /** All failure messages of a sample. */
    static String messages(SampleStats stats) {
        return stats.failureSummaries().stream().flatMap(f -> f.messages().stream()).map(m -> m.message())
                .collect(Collectors.joining("\n"));
    }
}
