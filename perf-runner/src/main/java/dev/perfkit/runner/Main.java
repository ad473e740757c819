package dev.perfkit.runner;

import dev.perfkit.runner.internal.Cli;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * The {@code perfkit} command-line program, run by the {@code ./perfkit} launcher at the root of
 * the repository. {@code perfkit --help} lists the commands; {@code perfkit run --help} every
 * option of a run.
 *
 * <pre>
 * ./perfkit list                                  # the suites and target systems found
 * ./perfkit run api --users 20 --duration 30s     # one suite against the started demo system
 * ./perfkit run all --env staging --baseline perf/baselines
 * ./perfkit run --scenario com.acme.CheckoutLoad --host http://127.0.0.1:8080/
 * ./perfkit http -c 10 -z 10s http://127.0.0.1:8080/
 * </pre>
 *
 * <p>Exit codes: 0 pass, 1 the runner crashed, 2 a usage error (one line on stderr), and for a
 * run the most serious {@link dev.perfkit.core.ExitCode} over its scenarios: 3 regression, 4 a
 * critical threshold, 5 a run error. Only {@link #main} exits the JVM; {@link #run} returns the
 * code, for tests and for programs that embed the runner.
 */
public final class Main {

    /** The exit code of a usage error: a bad option, value or argument. */
    public static final int USAGE = Cli.USAGE;

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code. Ctrl-C stops the running
     * scenario gracefully: it is still judged and its reports written, and the summary printed.
     *
     * @param args the command line; {@code --help} lists the commands
     */
    public static void main(String[] args) {
        System.exit(Cli.execute(args, System.out, System.err, isTerminal(), true));
    }

    /**
     * Runs the command line in this JVM, printing one progress line per interval (no terminal).
     *
     * @param args the command line
     * @param out  where progress, summaries and help go
     * @param err  where errors go
     * @return the exit code: 0, 1, 2, or an {@link dev.perfkit.core.ExitCode} code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(args, out, err, false, false);
    }

    /**
     * Whether standard output is a terminal. From Java 22 {@link System#console()} exists even when
     * output is redirected and {@code Console.isTerminal()} tells; on Java 21 a console exists only
     * for a terminal.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
