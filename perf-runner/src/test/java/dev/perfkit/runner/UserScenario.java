package dev.perfkit.runner;

import dev.perfkit.core.Scenario;
import java.time.Duration;

/** A user's scenario class with {@code public static Scenario scenario()}, for {@code --scenario}. */
public final class UserScenario {

    private UserScenario() {
    }

    /** A closed scenario without I/O: 2 users counting, 300 ms. */
    public static Scenario scenario() {
        return Scenario.named("user scenario").users(2).hold(Duration.ofMillis(300))
                .task(1, "count", session -> Math.sqrt(session.hashCode()));
    }

    /** Neither a Suite nor a scenario() holder. */
    public static final class NotAScenario {
    }
}
