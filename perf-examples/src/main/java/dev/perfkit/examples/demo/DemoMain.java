package dev.perfkit.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Starts the {@link DemoSystem} on its own, prints its URL and a token, and serves until Enter is
 * pressed or for a given duration; then closes it.
 *
 * <pre>
 * java -cp ... dev.perfkit.examples.demo.DemoMain [duration] [issue ...] [--port=N]
 *   duration  ISO-8601 ({@code PT5M}) or seconds ({@code 300}); without one, serve until Enter
 *   issue     SLOW_QUERY, N_PLUS_ONE, SMALL_POOL, MEMORY_LEAK (any case)
 *   --port=N  listen on port N instead of a free one
 * </pre>
 * From the project root: {@code ./mvnw -q -pl perf-examples -Pdemo verify -DskipTests
 * -Ddemo.mainClass=dev.perfkit.examples.demo.DemoMain -Ddemo.args=} (serves until Enter).
 */
public final class DemoMain {

    private DemoMain() {
    }

    /**
     * Runs the demo system.
     *
     * @param args an optional duration, issues to plant, an optional {@code --port=N}
     * @throws IOException          if standard input cannot be read
     * @throws InterruptedException if interrupted while serving for a duration
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = null;
        DemoOptions.Builder options = DemoOptions.custom();
        List<DemoIssue> issues = new ArrayList<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (arg.startsWith("--port=")) {
                options.port(Integer.parseInt(arg.substring("--port=".length())));
            } else if (Character.isDigit(arg.charAt(0)) || arg.toUpperCase(Locale.ROOT).startsWith("PT")) {
                duration = parseDuration(arg);
            } else {
                issues.add(issue(arg));
            }
        }
        options.plant(issues.toArray(DemoIssue[]::new));
        try (DemoSystem demo = DemoSystem.start(options.build())) {
            System.out.println("demo system: " + demo.baseUri() + " (pid " + demo.pid() + ", " + demo.options() + ")");
            System.out.println("try: curl -H 'Authorization: Bearer " + demo.tokenFor(1) + "' " + demo.baseUri() + "/dashboard");
            if (duration == null) {
                System.out.println("press Enter to stop");
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } else {
                System.out.println("serving for " + duration);
                Thread.sleep(duration);
            }
        }
        System.out.println("demo system stopped");
    }

    private static DemoIssue issue(String arg) {
        try {
            return DemoIssue.valueOf(arg.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("demoMain: argument must be a duration, an issue of "
                    + Arrays.toString(DemoIssue.values()) + " or --port=N, was \"" + arg + "\"", e);
        }
    }

    private static Duration parseDuration(String arg) {
        try {
            return arg.toUpperCase(Locale.ROOT).startsWith("PT") ? Duration.parse(arg) : Duration.ofSeconds(Long.parseLong(arg));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("demoMain: duration must be seconds or ISO-8601 (PT5M), was \"" + arg + "\"", e);
        }
    }
}
