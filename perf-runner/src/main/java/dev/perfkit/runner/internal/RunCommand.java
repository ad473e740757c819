package dev.perfkit.runner.internal;

import dev.perfkit.core.Environment;
import dev.perfkit.core.Preset;
import dev.perfkit.report.ReportFormat;
import dev.perfkit.core.Shard;
import dev.perfkit.runner.Overrides;
import dev.perfkit.runner.RunningTarget;
import dev.perfkit.runner.Suite;
import dev.perfkit.runner.SuiteContext;
import dev.perfkit.runner.TargetSystem;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code perfkit run}: runs suites or a scenario class against a target, then prints the summary. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Runs suites or scenario classes against a target and judges them. SUITE is load, api, "
                + "db, all, or any suite name 'perfkit list' shows. A progress line runs while each "
                + "scenario runs; at the end each scenario's verdict, findings, recommendations and report "
                + "files are printed, and the exit code is the most serious of all scenarios.")
final class RunCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the stopped scenario's reports and the summary. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Catalog catalog;
    private final PrintStream out;
    private final boolean terminal;
    private final boolean stopOnSignal;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SUITE",
            description = "Suites to run: load, api, db, all (every suite found), or a name 'perfkit list' shows.")
    List<String> suites = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "CLASS",
            description = "A class of yours on the class path to run, repeatable: it implements "
                    + "dev.perfkit.runner.Suite, or has public static Scenario scenario() (judged by the "
                    + "environment's default thresholds).")
    List<String> scenarioClasses = new ArrayList<>();

    @Option(names = {"-u", "--users"}, paramLabel = "N",
            description = "Concurrent users of each closed-model scenario (> 0).")
    Integer users;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How long the full load holds after the ramp-up (closed model), or a cap on the run "
                    + "(stages, open model): 500ms, 30s, 2m, 1h or PT1M30S.")
    Duration duration;

    @Option(names = "--ramp-up", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Time over which the users start (closed model; >= 0). Not with --spawn-rate.")
    Duration rampUp;

    @Option(names = "--spawn-rate", paramLabel = "PER_SECOND",
            description = "Users started per second during the ramp-up, as in Locust: ramp-up = users / rate "
                    + "(closed model; > 0). Not with --ramp-up.")
    Double spawnRate;

    @Option(names = "--preset", paramLabel = "PRESET", converter = Converters.PresetConverter.class,
            description = "A standard load (users, ramp-up, hold) applied before --users, --ramp-up, --duration: "
                    + "smoke, load, stress, spike or endurance.")
    Preset preset;

    @Option(names = "--host", paramLabel = "URL",
            description = "Base URL of a running system to load (http or https); without it the --target is started.")
    URI host;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "JDBC URL of the database of the --host system, for suites that query it. Never printed.")
    String jdbcUrl;

    @Option(names = "--target", paramLabel = "NAME", defaultValue = "demo",
            description = "Target system to start when no --host is given (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", defaultValue = "dev",
            converter = Converters.EnvironmentConverter.class,
            description = "Environment whose threshold levels judge the runs: dev, staging or production (default: "
                    + "${DEFAULT-VALUE}).")
    Environment environment;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "target/perfkit-results",
            description = "Output folder; reports go to DIR/SUITE/SCENARIO/ (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Mixin
    FormatOption format = new FormatOption();

    @Option(names = {"-b", "--baseline"}, paramLabel = "DIR_OR_FILE",
            description = "Compare each scenario with a baseline: a result JSON file, or a folder holding "
                    + "SUITE/SCENARIO.json (as --save-baseline writes) or SUITE/SCENARIO/result.json (an "
                    + "earlier --out).")
    Path baseline;

    @Option(names = "--save-baseline", paramLabel = "DIR",
            description = "Save each scenario's result as a baseline in DIR/SUITE/SCENARIO.json.")
    Path saveBaseline;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of every scenario's random choices, to repeat a run (default: a random one, "
                    + "printed).")
    Long seed;

    @Option(names = "--shard", paramLabel = "INDEX/COUNT", converter = Converters.ShardConverter.class,
            description = "Run only this shard's part of every scenario (0-based, as Kubernetes' "
                    + "JOB_COMPLETION_INDEX: 0/4 .. 3/4): user k and arrival k of the whole run go to shard "
                    + "(k-1) mod COUNT; see docs/distributed.md.")
    Shard shard;

    @Option(names = "--start-at", paramLabel = "INSTANT", converter = Converters.InstantConverter.class,
            description = "Wait until this UTC instant (e.g. 2026-11-30T06:00:00Z) before the first scenario "
                    + "starts, so that every shard starts together; a late start is reported as the gauge "
                    + "perfkit.start.lag.seconds.")
    Instant startAt;

    @Option(names = {"-q", "--quiet"}, description = "No progress line; only the summary at the end.")
    boolean quiet;

    RunCommand(Catalog catalog, PrintStream out, boolean terminal, boolean stopOnSignal) {
        this.catalog = catalog;
        this.out = out;
        this.terminal = terminal;
        this.stopOnSignal = stopOnSignal;
    }

    @Override
    public Integer call() throws InterruptedException {
        Overrides overrides = overrides();
        List<Suite> chosen = chosenSuites();
        if (baseline != null && !Files.exists(baseline)) {
            throw usage("--baseline: " + baseline + " does not exist");
        }
        if (host != null
                && (host.getScheme() == null || !host.getScheme().matches("https?") || host.getHost() == null)) {
            throw usage("--host: '" + host + "' is not an http(s) URL such as http://127.0.0.1:8080/");
        }
        if (jdbcUrl != null && host == null) {
            throw usage("--jdbc-url needs --host (a started target brings its own database)");
        }
        long runSeed = seed != null ? seed : new SplittableRandom().nextLong();
        List<ReportFormat> reportFormats = format.chosen();
        RunSettings settings = new RunSettings(outDir, reportFormats, Optional.ofNullable(baseline),
                Optional.ofNullable(saveBaseline), quiet, terminal, Optional.ofNullable(shard),
                Optional.ofNullable(startAt));
        TargetSystem system = host == null ? targetSystem() : null;
        out.println("perfkit: environment " + environment.id() + ", seed " + runSeed
                + (seed == null ? " (repeat with --seed " + runSeed + ")" : "")
                + (shard == null ? "" : ", shard " + shard.index() + "/" + shard.count())
                + (startAt == null ? "" : ", starting at " + startAt) + ", reports in " + outDir);
        RunningTarget running;
        try {
            running = host != null ? new RemoteTarget(host, Optional.ofNullable(jdbcUrl)) : system.start();
        } catch (Exception e) {
            out.println("perfkit: the target '" + target + "' could not start: " + e);
            return dev.perfkit.core.ExitCode.RUN_ERROR.code();
        }
        try (running) {
            out.println("perfkit: target " + (host != null ? "" : target + " at ") + running.baseUri());
            SuiteContext context = new SuiteContext(running.baseUri(), running.jdbcUrl(), running.pid(), environment,
                    runSeed, overrides);
            SuiteRunner runner = new SuiteRunner(settings, out);
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = stopOnSignal ? stopHook(runner, finished) : null;
            try {
                List<ScenarioOutcome> outcomes = runner.run(chosen, context);
                Summary.print(outcomes, out);
                return Summary.exitCode(outcomes).code();
            } finally {
                finished.countDown();
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // the JVM is shutting down (Ctrl-C): the hook is running
                    }
                }
            }
        }
    }

    /**
     * On Ctrl-C: stops the running scenario gracefully and lets the runner judge it, write its
     * reports and print the summary (up to {@link #STOP_GRACE}) before the JVM ends.
     */
    private static Thread stopHook(SuiteRunner runner, CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            runner.stop();
            try {
                finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "perfkit-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private Overrides overrides() {
        try {
            return new Overrides(users != null ? OptionalInt.of(users) : OptionalInt.empty(),
                    Optional.ofNullable(duration), Optional.ofNullable(rampUp),
                    spawnRate != null ? OptionalDouble.of(spawnRate) : OptionalDouble.empty(),
                    Optional.ofNullable(preset));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage().replace("overrides: ", "")
                    .replace("users", "--users").replace("duration", "--duration")
                    .replace("rampUp", "--ramp-up").replace("spawnRate", "--spawn-rate"));
        }
    }

    private List<Suite> chosenSuites() {
        if (suites.isEmpty() && scenarioClasses.isEmpty()) {
            throw usage("give a SUITE (load, api, db, all; see 'perfkit list') or --scenario CLASS");
        }
        Map<String, Suite> chosen = new LinkedHashMap<>();
        List<Suite> found = suites.isEmpty() ? List.of() : catalog.suites();
        for (String name : suites) {
            if (name.equals("all")) {
                if (found.isEmpty()) {
                    throw usage("'all': no suite on the class path (perf-examples provides load, api and db)");
                }
                found.forEach(s -> chosen.putIfAbsent(s.name(), s));
                continue;
            }
            Suite suite = found.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> usage(
                    "unknown suite '" + name + "'; found: " + (found.isEmpty() ? "none"
                            : String.join(", ", found.stream().map(Suite::name).toList())) + " (and all)"));
            chosen.putIfAbsent(name, suite);
        }
        for (String className : scenarioClasses) {
            try {
                Suite suite = catalog.scenarioClass(className);
                chosen.putIfAbsent(suite.name(), suite);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        return List.copyOf(chosen.values());
    }

    private TargetSystem targetSystem() {
        List<TargetSystem> found = catalog.targets();
        return found.stream().filter(t -> t.name().equals(target)).findFirst().orElseThrow(() -> usage(
                "no target system '" + target + "' on the class path (found: " + (found.isEmpty() ? "none"
                        : String.join(", ", found.stream().map(TargetSystem::name).toList()))
                        + "); pass --host URL to load a running system"));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A system already running at {@code --host}: nothing to start or stop. */
    private record RemoteTarget(URI baseUri, Optional<String> jdbcUrl) implements RunningTarget {
        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public void close() {
        }
    }
}
