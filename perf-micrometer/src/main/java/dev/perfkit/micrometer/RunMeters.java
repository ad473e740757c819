package dev.perfkit.micrometer;

import dev.perfkit.core.IntervalStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The meters of one scenario in one registry: the run's gauges and counters and its sample names'. */
final class RunMeters {

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags tags;
    private final Value activeUsers;
    private final Value inFlight;
    private final Value running;
    private final Counter dropped;
    private final Map<String, Value> gauges = new HashMap<>();
    private final Map<String, SampleMeters> samples = new HashMap<>();

    RunMeters(MeterRegistry registry, String prefix, Tags tags) {
        this.registry = registry;
        this.prefix = prefix;
        this.tags = tags;
        this.activeUsers = Value.gauge(registry, prefix + ".users.active", tags, null, "virtual users alive");
        this.inFlight = Value.gauge(registry, prefix + ".in.flight", tags, null, "iterations running");
        this.running = Value.gauge(registry, prefix + ".run.active", tags, null, "1 while the run goes on, 0 after it");
        this.dropped = Counter.builder(prefix + ".dropped").tags(tags)
                .description("open-model arrivals dropped at the concurrency cap").register(registry);
    }

    void start() {
        running.set(1);
    }

    void end() {
        running.set(0);
        activeUsers.set(0);
        inFlight.set(0);
    }

    void update(IntervalStats interval, UnaryOperator<String> kindOf) {
        activeUsers.set(interval.activeUsers());
        inFlight.set(interval.inFlight());
        dropped.increment(interval.dropped());
        for (Map.Entry<String, Double> g : interval.gauges().entrySet()) {
            gauges.computeIfAbsent(g.getKey(), name -> Value.gauge(registry, prefix + ".gauge",
                    tags.and("gauge", name), null, "a gauge of the run's options")).set(g.getValue());
        }
        samples.computeIfAbsent("\u0000total", n -> new SampleMeters(registry, prefix,
                tags.and("sample", "total", "kind", "total"))).update(interval.total(), interval.length());
        for (Map.Entry<String, IntervalStats.Interval> e : interval.samples().entrySet()) {
            samples.computeIfAbsent(e.getKey(), name -> new SampleMeters(registry, prefix,
                    tags.and("sample", name, "kind", kindOf.apply(name)))).update(e.getValue(), interval.length());
        }
        for (Map.Entry<String, SampleMeters> e : samples.entrySet()) {
            if (!e.getKey().equals("\u0000total") && !interval.samples().containsKey(e.getKey())) {
                e.getValue().idle();
            }
        }
    }
}
