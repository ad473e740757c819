/**
 * perfkit Micrometer export: a run listener that publishes interval metrics to any Micrometer
 * registry. See {@link dev.perfkit.micrometer.MicrometerListener}.
 */
module dev.perfkit.micrometer {
    requires transitive dev.perfkit.core;
    // micrometer-core ships no module descriptor: its automatic name comes from its manifest.
    requires transitive micrometer.core;

    exports dev.perfkit.micrometer;
}
