package dev.perfkit.runner.internal;

import dev.perfkit.runner.Suite;
import dev.perfkit.runner.TargetSystem;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code perfkit list}: the suites and target systems found on the class path. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the suites and the target systems found on the class path.")
final class ListCommand implements Callable<Integer> {

    private final Catalog catalog;
    private final PrintStream out;

    ListCommand(Catalog catalog, PrintStream out) {
        this.catalog = catalog;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<Suite> suites = catalog.suites();
        out.println("suites (perfkit run NAME..., or all):");
        if (suites.isEmpty()) {
            out.println("  none found: add a module providing dev.perfkit.runner.Suite (perf-examples does)");
        }
        for (Suite s : suites) {
            out.printf(Locale.ROOT, "  %-12s %s%n", s.name(), s.description());
        }
        List<TargetSystem> targets = catalog.targets();
        out.println("target systems (--target NAME; --host URL for a running one):");
        if (targets.isEmpty()) {
            out.println("  none found: pass --host URL");
        }
        for (TargetSystem t : targets) {
            out.printf(Locale.ROOT, "  %-12s %s%n", t.name(), t.description());
        }
        return 0;
    }
}
