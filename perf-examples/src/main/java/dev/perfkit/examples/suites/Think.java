package dev.perfkit.examples.suites;

import dev.perfkit.core.Task;
import dev.perfkit.core.ThinkTime;
import java.time.Duration;

/**
 * A think time per user type. perf-core's think time belongs to the whole scenario
 * ({@code Scenario.thinkTime}); the load suite's user types think for different times (API clients
 * not at all, mobile users longer), so each of their tasks ends with its own pause instead.
 *
 * <p>The pause is part of the task: a task's own sample ({@code dashboard}) includes it, while the
 * HTTP request's sample ({@code GET /dashboard}), which the totals and the thresholds use, does not.
 */
final class Think {

    private Think() {
    }

    /**
     * Returns a task that runs {@code task}, then pauses for a time drawn from {@code think} with the
     * virtual user's random source. An interrupt (the run stopping) ends the pause early; the
     * interrupt status is kept for the engine.
     */
    static Task after(Task task, ThinkTime think) {
        return session -> {
            task.run(session);
            long pause = think.pauseNanos(session.random());
            if (pause > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(pause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
