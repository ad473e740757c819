package dev.perfkit.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/** The current value of one gauge: written on the run's coordinator thread, read by the registry from any thread. */
final class Value {

    private volatile double value = Double.NaN;

    private Value() {
    }

    /** Registers a gauge that reads a new value, held strongly by the registry (Micrometer's default is weak). */
    static Value gauge(MeterRegistry registry, String name, Tags tags, String baseUnit, String description) {
        Value v = new Value();
        Gauge.builder(name, v, Value::get).tags(tags).baseUnit(baseUnit).description(description)
                .strongReference(true).register(registry);
        return v;
    }

    void set(double v) {
        value = v;
    }

    double get() {
        return value;
    }
}
