package dev.perfkit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line itself: help, list, and the one-line usage errors with exit code 2. */
class MainTest {

    @Test
    void shouldDescribeEveryOptionWhenRunHelpIsAsked() {
        Invocation help = Invocation.of("run", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("SUITE", "--scenario", "--users", "--duration", "--ramp-up", "--spawn-rate",
                "--preset", "--host", "--jdbc-url", "--target", "--env", "--out", "--format", "--baseline",
                "--save-baseline", "--seed", "--shard", "--start-at", "--quiet", "--help", "--version", "default: dev",
                "target/perfkit-results");
    }

    @Test
    void shouldListCommandsAndExitCodesWhenTopLevelHelpIsAsked() {
        Invocation help = Invocation.of("--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("run", "list", "http", "Exit codes", "2  a bad command line",
                "3  a regression", "4  a threshold", "5  a run error");
        assertThat(Invocation.of("--version").out()).startsWith("perfkit ");
    }

    @Test
    void shouldShowSuitesAndTargetsWhenListed() {
        Invocation list = Invocation.of("list");

        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("smoke", "two tiny scenarios that pass", "strict", "broken", "loopback",
                "a JDK HttpServer");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run smoke --bogus",
        "run smoke --users 0",
        "run smoke --users many",
        "run smoke --duration forever",
        "run smoke --env qa",
        "run smoke --preset huge",
        "run smoke --format pdf",
        "run smoke --ramp-up 1s --spawn-rate 5",
        "run smoke --spawn-rate -1",
        "run smoke --shard 4/4",
        "run smoke --shard two",
        "run smoke --start-at tomorrow",
        "run nosuchsuite",
        "run",
        "run smoke --target nosuchtarget",
        "run smoke --host ftp://127.0.0.1/",
        "run smoke --baseline does/not/exist",
        "run smoke --jdbc-url jdbc:h2:mem:x",
        "run --scenario com.acme.Missing",
        "run --scenario dev.perfkit.runner.UserScenario$NotAScenario",
        "frobnicate",
        ""})
    void shouldPrintOneLineAndExitTwoWhenTheCommandLineIsBad(String line) {
        Invocation bad = Invocation.of(line.isEmpty() ? new String[0] : line.split(" "));

        assertThat(bad.code()).as(line).isEqualTo(Main.USAGE);
        assertThat(bad.err()).as(line).startsWith("perfkit: ").endsWith(System.lineSeparator());
        assertThat(bad.err().strip().lines()).as(line).hasSize(1);
        assertThat(bad.out()).as(line).isEmpty();
    }

    @Test
    void shouldNameTheProblemWhenAValueIsBad() {
        assertThat(Invocation.of("run", "smoke", "--users", "0").err()).contains("--users must be > 0, was 0");
        assertThat(Invocation.of("run", "nosuch").err()).contains("unknown suite 'nosuch'", "broken, smoke, strict");
        assertThat(Invocation.of("run", "--scenario", "dev.perfkit.runner.UserScenario$NotAScenario").err())
                .contains("must implement dev.perfkit.runner.Suite or have a public static Scenario scenario()");
        assertThat(Invocation.of("run", "smoke", "--format", "pdf").err()).contains("'pdf' is not a report format");
    }
}
