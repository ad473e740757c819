package dev.perfkit.junit.examples;

import dev.perfkit.core.Thresholds;
import dev.perfkit.junit.PerfRun;
import dev.perfkit.junit.PerfTest;
import dev.perfkit.junit.PerfkitExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ways of registering the extension, run by {@code PerfkitExtensionTest}. */
@ExtendWith(OnlyThroughTestKit.class)
@ExtendWith(PerfkitExtension.class)
public class RegistrationExamples {

    /** Registered on the class and again by {@code @PerfTest}: one extension, one {@code PerfRun}. */
    @PerfTest
    void registeredTwice(PerfRun perf) throws Exception {
        perf.assertThresholds(perf.run(Work.sleeping()), Thresholds.none());
    }

    /** A lifecycle method may not take a {@code PerfRun}. */
    @Nested
    public class InBeforeEach {

        @BeforeEach
        void prepare(PerfRun perf) {
        }

        @Test
        void test() {
        }
    }
}
