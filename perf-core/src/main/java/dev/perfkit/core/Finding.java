package dev.perfkit.core;

import java.util.List;
import java.util.Objects;

/**
 * A performance problem detected automatically from a run's data, such as a memory leak,
 * saturation, an exhausted connection pool, a slow endpoint or a burst of errors. Immutable;
 * part of a {@link Verdict}. A finding is advice: it does not change the verdict's outcome, the
 * threshold rules do.
 *
 * @param kind           the kind of finding, a stable identifier such as {@code memory_leak},
 *                       {@code saturation}, {@code pool_exhaustion}, {@code slow_sample},
 *                       {@code error_burst}
 * @param subject        what the finding is about: a sample name, a gauge or pool name, or
 *                       {@link SampleStats#TOTAL}
 * @param title          one line that states the problem with its key figure
 * @param evidence       the figures that support it, one sentence each
 * @param recommendation what to do about it, one or two sentences
 */
public record Finding(String kind, String subject, String title, List<String> evidence, String recommendation) {

    /** Checks the fields and copies the evidence. */
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(recommendation, "recommendation");
        evidence = List.copyOf(evidence);
    }
}
