package dev.perfkit.examples.suites;

import dev.perfkit.core.JvmMonitor;
import dev.perfkit.core.ProcessMonitor;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.Session;
import dev.perfkit.examples.demo.DemoOptions;
import dev.perfkit.examples.demo.DemoSystem;
import dev.perfkit.http.HttpRequest;
import dev.perfkit.runner.SuiteContext;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the suites need from the demo system behind a {@link SuiteContext}: bearer tokens for its
 * users, a resource monitor of its process labelled {@code sut}, and its pool gauges when it runs
 * in this JVM.
 *
 * <p>When the runner started the demo ({@link DemoTarget}), the system object is at hand. Against
 * {@code --host URL} only the URL is known: the tokens are then those of a demo started with the
 * default seed and users ({@code DemoMain} without options), and there are no pool gauges.
 */
final class DemoAccess {

    private final SuiteContext context;
    private final Optional<DemoSystem> demo;
    private final String[] tokens;

    private DemoAccess(SuiteContext context, Optional<DemoSystem> demo) {
        this.context = context;
        this.demo = demo;
        long seed = demo.map(d -> d.options().seed()).orElse(DemoOptions.DEFAULT_SEED);
        int users = demo.map(d -> d.options().users()).orElse(DemoOptions.DEFAULT_USERS);
        this.tokens = new String[users];
        for (int i = 0; i < users; i++) {
            tokens[i] = DemoSystem.token(seed, i + 1L);   // computed once: an HMAC per request would cost CPU
        }
    }

    /** Returns the access to the demo behind the context. */
    static DemoAccess of(SuiteContext context) {
        return new DemoAccess(context, DemoTarget.running(context.baseUri()));
    }

    /** Returns the number of demo users there are tokens for. */
    int users() {
        return tokens.length;
    }

    /** Returns the {@code Authorization} value of the demo user a virtual user plays (one per virtual user). */
    String bearer(Session session) {
        return "Bearer " + tokens[(int) (session.userId() % tokens.length)];
    }

    /** Returns the request with the virtual user's bearer token. */
    HttpRequest authorized(HttpRequest request) {
        return request.header("Authorization", (Session s) -> bearer(s));
    }

    /**
     * Returns run options that monitor the system under test as {@code sut.*} gauges (CPU share,
     * memory; the environments' default rules judge them): this JVM when the demo runs in it, else
     * the target's process by pid when known; plus the demo's own gauges (pool, statements) when
     * it runs in this JVM. A new builder per scenario: a monitor serves one run.
     */
    RunOptions.Builder options() {
        RunOptions.Builder options = RunOptions.custom();
        OptionalLong pid = context.targetPid();
        if (demo.isPresent() || pid.isPresent() && pid.getAsLong() == ProcessHandle.current().pid()) {
            options.addMonitor(JvmMonitor.create(ProcessMonitor.DEFAULT_LABEL));
        } else if (pid.isPresent()) {
            options.addMonitor(ProcessMonitor.of(pid.getAsLong()));
        }
        demo.ifPresent(d -> d.addGaugesTo(options));
        return options;
    }
}
