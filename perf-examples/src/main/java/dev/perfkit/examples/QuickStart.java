package dev.perfkit.examples;

import dev.perfkit.core.ConsoleListener;
import dev.perfkit.core.Environment;
import dev.perfkit.core.JvmMonitor;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.SessionKey;
import dev.perfkit.core.ThinkTime;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.UserType;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.ReportFormat;
import dev.perfkit.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The plain-Java quick start: a closed-model run of a small in-process "shop" whose operations cost a
 * few milliseconds, with two user types, weighted tasks, think time and a login hook. It prints a
 * progress line per second and the summary table, and runs for about 15 seconds. The shop lives in
 * this JVM, so the JVM's own CPU and memory are monitored as those of the system under test
 * ({@code sut.*} gauges). The run is then judged against the staging thresholds plus a rule of
 * its own, and every report is written to {@code perf-examples/target/perfkit-demo/} (or the
 * folder given as the first argument): HTML, JSON, CSV, JUnit XML, Markdown, HdrHistogram logs
 * and the console summary.
 *
 * <p>A plain-Java program, no runner: the SDK called directly. Run it from the project root with
 * {@code ./mvnw -q -pl perf-examples -am -Pdemo verify -DskipTests
 * -Ddemo.mainClass=dev.perfkit.examples.QuickStart -Ddemo.args=} (the demo profile's default is the
 * runner with the load suite, {@link dev.perfkit.examples.suites.LoadSuite}).
 */
public final class QuickStart {

    private static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);

    private QuickStart() {
    }

    /**
     * Runs the demo.
     *
     * @param args the report folder, optional
     * @throws InterruptedException if interrupted while waiting for the run
     * @throws IOException          if a report cannot be written
     */
    public static void main(String[] args) throws InterruptedException, IOException {
        Path reports = Path.of(args.length > 0 ? args[0] : "target/perfkit-demo");
        InProcessShop shop = new InProcessShop();
        Scenario scenario = Scenario.named("quick-start")
                .users(20).rampUp(Duration.ofSeconds(5)).hold(Duration.ofSeconds(10))
                .thinkTime(ThinkTime.uniform(Duration.ofMillis(20), Duration.ofMillis(80)))
                .seed(42)
                .userType(UserType.named("regular").weight(4)
                        .onStart(session -> session.set(TOKEN, shop.login(session.userId())))
                        .task(5, "dashboard", session -> shop.dashboard(session.get(TOKEN)))
                        .task(2, "reports", session -> shop.reports(session.get(TOKEN), session.random().nextInt(1, 10))))
                .userType(UserType.named("admin").weight(1)
                        .onStart(session -> session.set(TOKEN, shop.login(session.userId())))
                        .task(1, "create-report", session -> shop.createReport(session.get(TOKEN))));
        Thresholds thresholds = Thresholds.forEnvironment(Environment.STAGING)
                .p95("dashboard").below(Duration.ofMillis(10), Duration.ofMillis(25))
                .errorRate("reports").below(0.10, 0.20);
        RunResult result = LoadTest.run(scenario, RunOptions.custom()
                .addListener(ConsoleListener.progressOnly(System.out))
                .addMonitor(JvmMonitor.create("sut"))
                .build());
        Verdict verdict = thresholds.evaluate(result);
        System.out.print(Reports.summary(result, Optional.of(verdict)));
        List<Path> written = Reports.writeAll(result, Optional.of(verdict), reports, ReportFormat.values());
        System.out.println("reports: " + reports.toAbsolutePath().normalize() + " (" + written.size()
                + " files; open " + ReportFormat.HTML.defaultName() + ")");
        if (result.status() == RunStatus.FAILED) {
            throw new IllegalStateException("the demo run failed: " + result.stopReason());
        }
    }

    /** A stand-in system under test whose operations take a few milliseconds and sometimes fail. */
    static final class InProcessShop {
        private final ConcurrentHashMap<String, Long> sessions = new ConcurrentHashMap<>();

        String login(long userId) {
            work(5);
            String token = "t-" + userId;
            sessions.put(token, userId);
            return token;
        }

        void dashboard(String token) {
            check(token);
            work(2);
        }

        void reports(String token, int page) {
            check(token);
            work(3 + page);
            if (page == 9) {
                throw new IllegalStateException("page 9 is not indexed");
            }
        }

        void createReport(String token) {
            check(token);
            work(15);
        }

        private void check(String token) {
            if (!sessions.containsKey(token)) {
                throw new SecurityException("unknown token");
            }
        }

        private static void work(long millis) {
            LockSupport.parkNanos(millis * 1_000_000);
        }
    }
}
