package dev.perfkit.runner;

import dev.perfkit.core.ArrivalProfile;
import dev.perfkit.core.ArrivalRate;
import dev.perfkit.core.Saturation;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import dev.perfkit.http.Check;
import dev.perfkit.http.Http;
import dev.perfkit.http.HttpConfig;
import dev.perfkit.http.HttpProtocol;
import dev.perfkit.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * The user class of {@link DistributedRunTest}, run by child JVMs through {@code --scenario}: an
 * open model at {@value #RATE_PER_SECOND} arrivals/s in total (each shard runs its part), each
 * arrival one GET of {@code /work} on the runner's {@code --host}.
 *
 * <p>It implements {@link Suite} rather than offering {@code public static Scenario scenario()}:
 * a suite gets the target from {@code --host} and chooses its thresholds, here only an error rate,
 * since the latency of 4 JVMs sharing 2 busy cores is not what the test is about. The duration
 * and the shard index come as system properties of the child JVM, {@value #SECONDS} and
 * {@value #SHARD}; the index is sent as the query parameter {@code shard}, so that the server can
 * count each shard's requests.
 */
public final class ShardedHttpScenario implements Suite {

    /** The whole test's arrival rate, all shards together. */
    static final int RATE_PER_SECOND = 2_000;
    /** The suite's name, the first folder of its output under {@code --out}. */
    static final String NAME = "sharded";
    /** The scenario's name, the second folder of its output. */
    static final String SCENARIO = "sharded-get";
    static final String SECONDS = "distributed.seconds";
    static final String SHARD = "distributed.shard";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one GET per arrival at 2,000/s in total, for the distributed-run test";
    }

    @Override
    public List<SuiteScenario> scenarios(SuiteContext context) {
        Duration duration = Duration.ofSeconds(Long.parseLong(System.getProperty(SECONDS, "2")));
        // A few kept-alive connections serve 500/s on loopback; without a cap, a stall opens
        // hundreds of connections that the JDK server then closes as idle beyond its limit.
        Http http = Http.create(HttpConfig.custom().baseUrl(context.baseUri().toString())
                .protocol(HttpProtocol.HTTP_1_1).maxConnections(32).build());
        Scenario scenario = Scenario.named(SCENARIO).seed(7)
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(RATE_PER_SECOND).perSecond(), duration))
                .maxConcurrency(2_000).saturation(Saturation.QUEUE)
                .task(1, "get", http.task(HttpRequest.get("/work")
                        .queryParam("shard", System.getProperty(SHARD, "-1")).check(Check.status(200))));
        return List.of(SuiteScenario.of(SCENARIO, scenario, Thresholds.none().errorRate().below(0.01)).closing(http));
    }
}
