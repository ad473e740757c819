package dev.perfkit.junit.internal;

import dev.perfkit.report.ReportFormat;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a test's reports go and in which formats, from its annotation, the configuration and the defaults. */
public final class ReportSettings {

    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]$");

    private ReportSettings() {
    }

    /**
     * Returns the base folder: the annotation's value if set, else the configuration's, else the default.
     *
     * @throws IllegalArgumentException naming the place and the value if it is not a valid path
     */
    public static Path folder(String where, String annotated, Optional<String> configured, String fallback) {
        String value = !annotated.isBlank() ? annotated : configured.filter(s -> !s.isBlank()).orElse(fallback);
        String field = !annotated.isBlank() ? "reportsDir" : configured.filter(s -> !s.isBlank()).isPresent()
                ? "perfkit.reports.dir" : "default reports dir";
        try {
            return Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(where + ": " + field + " must be a valid path, was \"" + value + "\"", e);
        }
    }

    /**
     * Returns the formats: the annotation's if any, else the configuration's, else all of them.
     *
     * @throws IllegalArgumentException naming the unknown format and listing the known ones
     */
    public static List<ReportFormat> formats(ReportFormat[] annotated, Optional<String> configured) {
        if (annotated.length > 0) {
            return List.copyOf(new LinkedHashSet<>(Arrays.asList(annotated)));
        }
        if (configured.isEmpty() || configured.get().isBlank()) {
            return List.of(ReportFormat.values());
        }
        Set<ReportFormat> formats = new LinkedHashSet<>();
        for (String name : configured.get().split(",")) {
            String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                formats.add(ReportFormat.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("perfkit.reports.formats: unknown format \"" + name.strip()
                        + "\" in \"" + configured.get() + "\"; known: " + Arrays.toString(ReportFormat.values()), e);
            }
        }
        return List.copyOf(formats);
    }

    /**
     * Returns {@code base/<class binary name>/<method>}, with {@code -invocation-<n>} for the n-th
     * invocation of a test template (parameterized, repeated).
     */
    public static Path testFolder(Path base, Class<?> testClass, String method, String uniqueId) {
        Matcher m = INVOCATION.matcher(uniqueId);
        String name = m.find() ? method + "-invocation-" + m.group(1) : method;
        return base.resolve(testClass.getName()).resolve(name);
    }
}
