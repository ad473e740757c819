/**
 * Live export of a run's metrics to Micrometer: {@link dev.perfkit.micrometer.MicrometerListener}
 * publishes every interval's throughput, error rate, response-time percentiles, users and gauges
 * to any {@code MeterRegistry}, so that Prometheus and Grafana (or OTLP, Graphite, ...) can watch a
 * run while it goes on.
 */
package dev.perfkit.micrometer;
