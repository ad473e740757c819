/**
 * perfkit runner: the command-line program that runs suites of scenarios and scenario classes,
 * prints their verdicts and writes their reports. See {@link dev.perfkit.runner.Main} to start, and
 * {@link dev.perfkit.runner.Suite} and {@link dev.perfkit.runner.TargetSystem} to plug in suites
 * and systems under test.
 */
module dev.perfkit.runner {
    requires transitive dev.perfkit.core;
    requires dev.perfkit.report;
    requires dev.perfkit.http;
    requires info.picocli;
    requires org.slf4j;

    exports dev.perfkit.runner;
    // picocli reads and sets the annotated fields of the commands by reflection.
    opens dev.perfkit.runner.internal to info.picocli;

    uses dev.perfkit.runner.Suite;
    uses dev.perfkit.runner.TargetSystem;
}
