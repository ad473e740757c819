package dev.perfkit.runner.internal;

import dev.perfkit.http.HttpLoadCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code perfkit http ...}: perf-http's ad-hoc load command ({@link HttpLoadCommand}), given every
 * argument as is; its own {@code --help} lists its options. Exit codes are its own: 0 when a
 * request succeeded, 1 when every request failed, 2 for a usage error.
 */
@Command(name = "http", description = {"Loads one URL without writing Java (perf-http's ad-hoc command).",
    "Every argument is passed on: 'perfkit http --help' lists its options,",
    "e.g. perfkit http -c 10 -z 10s http://127.0.0.1:8080/"})
final class HttpCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "The ad-hoc command's options and URL.")
    List<String> args = new ArrayList<>();

    HttpCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return HttpLoadCommand.run(args.toArray(String[]::new), out, err);
    }
}
