/**
 * perfkit core: scenarios, load models, the engine and the statistics of a load test.
 * See {@link dev.perfkit.core.LoadTest} to start.
 */
module dev.perfkit.core {
    // HdrHistogram ships no module name: its automatic name comes from the jar file name.
    requires transitive HdrHistogram;
    requires org.slf4j;
    // Resource monitors: the JVM's management beans (JvmMonitor) and the HTTP client (PrometheusMonitor).
    requires jdk.management;
    requires java.net.http;

    exports dev.perfkit.core;
    // Shared helpers of the engine, for our own adapters only; no compatibility promise.
    exports dev.perfkit.core.internal to dev.perfkit.http, dev.perfkit.jdbc;
}
