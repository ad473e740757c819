/**
 * perfkit HTTP: the HTTP task adapter on OkHttp. See {@link dev.perfkit.http.Http} to start.
 *
 * <p>The API mentions perf-core's types (tasks, sessions), Jackson's {@code JsonNode} and
 * {@code ObjectMapper} (JSON bodies, checks, extraction) and Resilience4j's decorators, so those
 * modules are read transitively. OkHttp stays an implementation detail, and so does perf-report,
 * which only the ad-hoc command uses (to write its {@code --json} result).
 */
// Resilience4j's jars are automatic modules with stable names declared in their manifests
// (Automatic-Module-Name), so re-exporting them is safe.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.perfkit.http {
    requires transitive dev.perfkit.core;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive io.github.resilience4j.retry;
    requires transitive io.github.resilience4j.circuitbreaker;
    requires transitive io.github.resilience4j.ratelimiter;
    requires transitive io.github.resilience4j.bulkhead;
    requires dev.perfkit.report;
    requires okhttp3;
    requires org.slf4j;

    exports dev.perfkit.http;
}
