/**
 * perfkit JUnit 5 extension: a load test written as a JUnit test. See
 * {@link dev.perfkit.junit.PerfTest} to start.
 */
module dev.perfkit.junit {
    requires transitive dev.perfkit.core;
    requires transitive dev.perfkit.report;
    // The test's annotations, extension points and AssertionFailedError (org.opentest4j, read through it).
    requires transitive org.junit.jupiter.api;
    requires org.slf4j;

    exports dev.perfkit.junit;
}
