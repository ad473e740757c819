package dev.perfkit.examples.suites;

import dev.perfkit.examples.demo.DemoIssue;
import dev.perfkit.examples.demo.DemoOptions;
import dev.perfkit.examples.demo.DemoSystem;
import dev.perfkit.runner.RunningTarget;
import dev.perfkit.runner.TargetSystem;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runner's target system {@code demo} ({@code ./perfkit run load --target demo}, the default):
 * starts a {@link DemoSystem} in the runner's own JVM on a free loopback port, and stops it after
 * the last suite.
 *
 * <p>Issues to plant come from the system property {@value #ISSUES_PROPERTY}, a comma-separated
 * list of {@link DemoIssue} names, for example
 * {@code PERFKIT_JAVA_OPTS=-Dperfkit.demo.issues=SMALL_POOL,N_PLUS_ONE ./perfkit run api}.
 *
 * <p>Because the runner hands suites only a URL, a JDBC URL and a process id, the suites of this
 * package find the system object itself (for its pool gauges) with {@link #running(URI)}: the demo
 * systems this class started in this JVM and has not stopped yet, by base URI.
 */
public final class DemoTarget implements TargetSystem {

    /** The system property listing the {@link DemoIssue}s to plant, comma-separated, any case. */
    public static final String ISSUES_PROPERTY = "perfkit.demo.issues";

    private static final Map<URI, DemoSystem> RUNNING = new ConcurrentHashMap<>();

    /** Creates the target; the runner does, through {@link java.util.ServiceLoader}. */
    public DemoTarget() {
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "the demo system (HTTP API + H2 database) started in the runner's JVM on 127.0.0.1; plant issues with -D"
                + ISSUES_PROPERTY + "=SMALL_POOL,...";
    }

    /**
     * Starts the demo system with the default data (1,000 users, 500 reports, seed 42) and the
     * issues of {@value #ISSUES_PROPERTY}.
     *
     * @return the running system
     * @throws IllegalArgumentException if the property names an unknown issue
     */
    @Override
    public RunningTarget start() {
        DemoSystem demo = DemoSystem.start(options(System.getProperty(ISSUES_PROPERTY, "")));
        RUNNING.put(demo.baseUri(), demo);
        return new RunningTarget() {
            @Override
            public URI baseUri() {
                return demo.baseUri();
            }

            @Override
            public Optional<String> jdbcUrl() {
                return Optional.of(demo.jdbcUrl());
            }

            @Override
            public OptionalLong pid() {
                return OptionalLong.of(demo.pid());
            }

            @Override
            public void close() {
                RUNNING.remove(demo.baseUri(), demo);
                demo.close();
            }
        };
    }

    /**
     * Returns the demo system this class started in this JVM at {@code baseUri}, while it runs.
     *
     * @param baseUri the system's base URI, as {@link dev.perfkit.runner.SuiteContext#baseUri()} gives it
     * @return the system, or empty for any other target (a {@code --host} URL)
     */
    public static Optional<DemoSystem> running(URI baseUri) {
        return Optional.ofNullable(RUNNING.get(baseUri));
    }

    /** The demo's options with the issues of a comma-separated list planted. */
    static DemoOptions options(String issues) {
        DemoOptions.Builder options = DemoOptions.custom();
        for (String name : issues.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                options.plant(DemoIssue.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("demoTarget: " + ISSUES_PROPERTY + " must list issues of "
                        + Arrays.toString(DemoIssue.values()) + ", was '" + name.strip() + "'", e);
            }
        }
        return options.build();
    }
}
