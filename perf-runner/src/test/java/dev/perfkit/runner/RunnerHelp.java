package dev.perfkit.runner;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands and options the runner knows, read from its own {@code --help} output (the picocli
 * usage of the real command line), so that files outside Java that call the runner (the Kubernetes
 * manifests) can be checked against it.
 */
final class RunnerHelp {

    /** An option at the start of a usage line: {@code "  -o, --out=DIR"} or {@code "      --host=URL"}. */
    private static final Pattern OPTION = Pattern.compile("^ {2}(?:(-\\w), )?(--[\\w-]+)|^ {6}(--[\\w-]+)");
    /** A command in the root usage's "Commands:" list: {@code "  run   Runs suites..."}. */
    private static final Pattern COMMAND = Pattern.compile("^ {2}([a-z][\\w-]*) {2,}\\S");

    private RunnerHelp() {
    }

    /** The subcommands of {@code perfkit}, as {@code perfkit --help} lists them. */
    static Set<String> commands() {
        Set<String> commands = new LinkedHashSet<>();
        boolean inCommands = false;
        for (String line : help().lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands) {
                Matcher m = COMMAND.matcher(line);
                if (m.find()) {
                    commands.add(m.group(1));
                }
            }
        }
        return commands;
    }

    /** The option names (long and short) of a subcommand, as {@code perfkit COMMAND --help} lists them. */
    static Set<String> options(String command) {
        Set<String> options = new LinkedHashSet<>();
        for (String line : help(command, "--help").lines().toList()) {
            Matcher m = OPTION.matcher(line);
            if (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        options.add(m.group(g));
                    }
                }
            }
        }
        return options;
    }

    private static String help(String... args) {
        Invocation help = Invocation.of(args.length == 0 ? new String[] {"--help"} : args);
        if (help.code() != 0) {
            throw new IllegalStateException("perfkit " + String.join(" ", args) + " --help failed: " + help.err());
        }
        return help.out();
    }
}
