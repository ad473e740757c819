package dev.perfkit.http;

import dev.perfkit.core.ArrivalProfile;
import dev.perfkit.core.ArrivalRate;
import dev.perfkit.core.ConsoleListener;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunHandle;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Saturation;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Task;
import dev.perfkit.http.internal.CommandLabels;
import dev.perfkit.http.internal.CommandOptions;
import dev.perfkit.report.ResultDocument;
import dev.perfkit.report.ResultJson;
import dev.perfkit.report.RunEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The ad-hoc load command: loads one URL without writing Java, for quick checks like {@code hey}
 * or {@code oha}.
 *
 * <pre>
 * java -jar perf-http/target/perf-http-0.1.0-SNAPSHOT-cli.jar -c 50 -z 30s http://127.0.0.1:8080/
 * java -jar perf-http/target/perf-http-0.1.0-SNAPSHOT-cli.jar -r 2000 -z 1m --json out.json http://127.0.0.1:8080/health
 * </pre>
 *
 * <p>It is a thin user of the public API: an {@link Http} client, one {@link HttpRequest}, a
 * closed ({@code --users}) or open ({@code --rate}) {@link Scenario}, a {@link ConsoleListener},
 * and with {@code --json FILE} perf-report's {@link ResultJson}: the project's one JSON result
 * format, with the command's settings (secrets redacted) and the count of each HTTP status as the
 * document's labels ({@code method}, {@code url}, {@code header.<Name>}, {@code status.200}, ...).
 * Each iteration is one request and the task's own sample stands for it
 * ({@link HttpConfig.Builder#recordRequests(boolean) recordRequests(false)}), so that in the open
 * model latency is measured from each request's intended start. {@link #run} returns the exit
 * status; only {@link #main} exits the JVM. Run with {@code --help} for the options.
 */
public final class HttpLoadCommand {

    /** Exit status when at least one request succeeded. */
    public static final int OK = 0;
    /** Exit status when every request failed, or none was sent. */
    public static final int ALL_FAILED = 1;
    /** Exit status of a usage error. */
    public static final int USAGE = 2;

    private HttpLoadCommand() {
    }

    /**
     * Runs the command and exits the JVM with its status. Ctrl-C stops the load gracefully and
     * still prints the summary.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, true));
    }

    /**
     * Runs the command.
     *
     * @param args the command line
     * @param out  where the progress lines and the summary go
     * @param err  where errors go
     * @return {@link #OK}, {@link #ALL_FAILED} or {@link #USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, boolean stopOnSignal) {
        CommandOptions o;
        try {
            o = CommandOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("perf-http: " + e.getMessage());
            err.println("Run with --help for the options.");
            return USAGE;
        }
        if (o.help) {
            out.print(CommandOptions.USAGE);
            return OK;
        }
        Http http;
        HttpRequest request;
        Scenario scenario;
        AtomicLongArray statuses = new AtomicLongArray(1000);
        try {
            http = Http.create(config(o));
            request = request(o);
            scenario = scenario(o, http, request, statuses);
        } catch (IllegalArgumentException e) {
            err.println("perf-http: " + e.getMessage());
            return USAGE;
        }
        try (http) {
            RunHandle handle = LoadTest.start(scenario, http.addGauges(RunOptions.custom())
                    .addListener(ConsoleListener.to(out, !o.quiet)).build());
            Thread hook = null;
            if (stopOnSignal) {
                hook = new Thread(() -> {
                    handle.stop();
                    try {
                        handle.await(Duration.ofSeconds(15));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "perf-http-stop");
                Runtime.getRuntime().addShutdownHook(hook);
            }
            RunResult result = handle.await();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook is running
                }
            }
            Map<Integer, Long> codes = new LinkedHashMap<>();
            for (int s = 0; s < statuses.length(); s++) {
                if (statuses.get(s) > 0) {
                    codes.put(s, statuses.get(s));
                }
            }
            if (!codes.isEmpty()) {
                StringBuilder line = new StringBuilder("status codes:");
                codes.forEach((code, n) -> line.append(' ').append(code).append(" x ").append(n));
                out.println(line);
            }
            if (o.json != null) {
                try {
                    ResultJson.write(ResultDocument.of(result, Optional.empty(), RunEnvironment.current(),
                            CommandLabels.of(o, http.config().redactor(), codes)), o.json);
                    out.println("result written to " + o.json);
                } catch (IOException e) {
                    err.println("perf-http: could not write " + o.json + ": " + e.getMessage());
                }
            }
            long count = result.total().count();
            if (count == 0 || result.total().failures() == count) {
                err.println("perf-http: " + (count == 0 ? "no request was sent" : "every request failed (" + count + ")"));
                return ALL_FAILED;
            }
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("perf-http: interrupted");
            return ALL_FAILED;
        }
    }

    private static HttpConfig config(CommandOptions o) {
        boolean https = o.url.regionMatches(true, 0, "https:", 0, 6);
        HttpConfig.Builder b = HttpConfig.custom()
                .name("perf-http")
                .protocol(o.http2 ? (https ? HttpProtocol.HTTP_2 : HttpProtocol.H2C) : HttpProtocol.HTTP_1_1)
                .insecure(o.insecure)
                .cookies(false)
                .recordRequests(false)
                .maxConnections(o.maxConnections);
        if (o.timeout != null) {
            b.callTimeout(o.timeout);
        }
        if (o.connectTimeout != null) {
            b.connectTimeout(o.connectTimeout);
        }
        if (o.readTimeout != null) {
            b.readTimeout(o.readTimeout);
        }
        return b.build();
    }

    private static HttpRequest request(CommandOptions o) {
        HttpRequest r = HttpRequest.method(o.method, literalPath(o.url));
        String path = Optional.ofNullable(URI.create(o.url).getRawPath()).filter(p -> !p.isEmpty()).orElse("/");
        r = r.name(o.method + " " + path);
        for (String[] h : o.headers) {
            r = r.header(h[0], h[1]);
        }
        if (o.body != null) {
            r = r.body(o.body, o.contentType);
        }
        return r;
    }

    /** Escapes the URL's braces, which would otherwise read as path variables. */
    private static String literalPath(String url) {
        return url.replace("{", "%7B").replace("}", "%7D");
    }

    private static Scenario scenario(CommandOptions o, Http http, HttpRequest request, AtomicLongArray statuses) {
        Task task = session -> {
            try {
                HttpResponse response = http.execute(session, request);
                count(statuses, response.status());
            } catch (HttpFailure f) {
                f.response().ifPresent(r -> count(statuses, r.status()));
                throw f;
            }
        };
        Scenario s = Scenario.named("perf-http").gracefulStop(Duration.ofSeconds(10));
        if (o.rate > 0) {
            Duration d = o.duration != null ? o.duration
                    : Duration.ofNanos((long) Math.ceil(o.requests / o.rate * 1e9) + 1);
            s = s.arrivals(ArrivalProfile.constant(ArrivalRate.of(o.rate).perSecond(), d))
                    .maxConcurrency(o.maxConcurrency).saturation(Saturation.DROP);
        } else {
            s = s.users(o.users);
            if (o.duration != null) {
                s = s.hold(o.duration);
            }
        }
        if (o.requests > 0) {
            s = s.iterations(o.requests);
        }
        return s.task(1, request.name(), task);
    }

    private static void count(AtomicLongArray statuses, int status) {
        if (status >= 0 && status < statuses.length()) {
            statuses.incrementAndGet(status);
        }
    }
}
