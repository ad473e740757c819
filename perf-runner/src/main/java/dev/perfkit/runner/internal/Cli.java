package dev.perfkit.runner.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code perfkit} command line: the root command with its subcommands {@code run},
 * {@code list}, {@code merge} and {@code http}, and the mapping of errors to exit codes: a bad
 * option or value prints one line on the error stream and gives {@link #USAGE}.
 */
@Command(name = "perfkit", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = Cli.Version.class,
        description = "Runs perfkit load-test suites and scenario classes, judges them and writes their reports.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  pass", "  1  the runner itself crashed", "  2  a bad command line (usage error)",
            "  3  a regression against the baseline", "  4  a threshold rule was critical",
            "  5  a run error: a run failed, measured nothing, or a report was not written",
            "", "Run 'perfkit help COMMAND' or 'perfkit COMMAND --help' for a command's options."},
        subcommands = CommandLine.HelpCommand.class)
public final class Cli implements Runnable {

    /** The exit code of a usage error: a bad option, value or argument. */
    public static final int USAGE = 2;
    /** The exit code when the runner itself failed (an unexpected exception). */
    public static final int CRASH = 1;

    @Spec
    CommandSpec spec;

    private Cli() {
    }

    /**
     * Parses and runs a command line.
     *
     * @param args     the arguments
     * @param out      where progress, summaries and help go
     * @param err      where errors go
     * @param terminal whether {@code out} is a terminal (the progress line is then rewritten in place)
     * @param stopOnSignal whether Ctrl-C stops the running scenario gracefully, through a JVM
     *                 shutdown hook (only for a {@code main}: the hook is global to the JVM)
     * @return the exit code
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, boolean terminal,
                              boolean stopOnSignal) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Catalog catalog = new Catalog(loader != null ? loader : Cli.class.getClassLoader());
        CommandLine cl = new CommandLine(new Cli());
        cl.addSubcommand("run", new RunCommand(catalog, out, terminal, stopOnSignal));
        cl.addSubcommand("list", new ListCommand(catalog, out));
        cl.addSubcommand("merge", new MergeCommand(out, err));
        cl.addSubcommand("http",
                new CommandLine(new HttpCommand(out, err)).setUnmatchedOptionsArePositionalParams(true));
        Charset charset = out.charset();
        cl.setOut(new PrintWriter(out, true, charset));
        cl.setErr(new PrintWriter(err, true, err.charset()));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            err.println("perfkit: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("perfkit: failed: " + e);
            e.printStackTrace(err);
            err.flush();
            return CRASH;
        });
        int code = cl.execute(args);
        out.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command: run, list, merge or http (see --help)");
    }

    /** The version of the runner, from its jar's manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"perfkit " + (v != null ? v : "0.1.0-SNAPSHOT") + " on Java " + Runtime.version()};
        }
    }
}
