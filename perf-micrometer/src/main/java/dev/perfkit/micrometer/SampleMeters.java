package dev.perfkit.micrometer;

import dev.perfkit.core.IntervalStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;

/** The meters of one sample name (or the total) of one scenario. */
final class SampleMeters {

    private static final String[] STATISTICS = {"mean", "p50", "p90", "p95", "p99", "max"};

    private final Counter successes;
    private final Counter failures;
    private final Value throughput;
    private final Value errorRate;
    private final Value[] responseTime = new Value[STATISTICS.length];

    SampleMeters(MeterRegistry registry, String prefix, Tags tags) {
        successes = Counter.builder(prefix + ".samples").tags(tags.and("outcome", "success"))
                .description("samples that ended").register(registry);
        failures = Counter.builder(prefix + ".samples").tags(tags.and("outcome", "failure"))
                .description("samples that ended").register(registry);
        throughput = Value.gauge(registry, prefix + ".throughput", tags, null, "samples per second in the last interval");
        errorRate = Value.gauge(registry, prefix + ".error.rate", tags, null, "share of failed samples in the last interval");
        for (int i = 0; i < STATISTICS.length; i++) {
            responseTime[i] = Value.gauge(registry, prefix + ".response.time", tags.and("statistic", STATISTICS[i]),
                    "seconds", "response time of successful samples in the last interval");
        }
    }

    void update(IntervalStats.Interval interval, Duration length) {
        successes.increment(interval.count() - interval.failures());
        failures.increment(interval.failures());
        throughput.set(interval.throughput());
        errorRate.set(interval.errorRate());
        boolean timed = interval.count() > interval.failures();
        double[] nanos = {interval.meanNanos(), interval.p50Nanos(), interval.p90Nanos(), interval.p95Nanos(),
            interval.p99Nanos(), interval.maxNanos()};
        for (int i = 0; i < nanos.length; i++) {
            responseTime[i].set(timed ? nanos[i] / 1e9 : Double.NaN);
        }
    }

    /** Records an interval in which the name had no sample. */
    void idle() {
        throughput.set(0);
        errorRate.set(0);
        for (Value v : responseTime) {
            v.set(Double.NaN);
        }
    }
}
