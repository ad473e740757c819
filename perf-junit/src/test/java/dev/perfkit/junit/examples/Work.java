package dev.perfkit.junit.examples;

import dev.perfkit.core.Scenario;
import java.time.Duration;

/** The tiny scenarios of the examples: 2 users for a few hundred milliseconds, each iteration sleeping. */
public final class Work {

    private Work() {
    }

    /** Returns 2 users holding for {@code hold}, each iteration of task "work" sleeping {@code sleep}. */
    public static Scenario sleeping(String name, Duration sleep, Duration hold) {
        return Scenario.named(name).users(2).hold(hold).maxDuration(Duration.ofSeconds(10))
                .task(1, "work", session -> Thread.sleep(sleep));
    }

    /** Returns 2 users for 300 ms, each iteration sleeping 1 ms. */
    public static Scenario sleeping() {
        return sleeping("sleeping", Duration.ofMillis(1), Duration.ofMillis(300));
    }
}
