package dev.perfkit.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A live view of a running test, for dashboards and progress bars.
 *
 * @param elapsed      time since the start of the run
 * @param activeUsers  virtual users alive now
 * @param inFlight     iterations running now
 * @param iterations   iterations started so far
 * @param dropped      open-model arrivals dropped so far
 * @param lastInterval the most recent complete interval, if any
 * @param finished     true once the run has ended
 */
public record RunSnapshot(Duration elapsed, int activeUsers, int inFlight, long iterations, long dropped,
                          Optional<IntervalStats> lastInterval, boolean finished) {
}
