package dev.perfkit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.perfkit.core.Thresholds;
import dev.perfkit.report.internal.RuleFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads threshold rules from a YAML or JSON file, so that a team keeps one file per environment
 * next to its tests. The format is documented with a full example in {@code docs/verdicts.md}:
 *
 * <pre>{@code
 * environment: staging            # optional: start from this environment's default rules
 * rules:
 *   - sample: "GET /users/{id}"
 *     statistic: p95
 *     below: { warning: 150ms, critical: 200ms }
 *   - total: true
 *     statistic: errorRate
 *     below: 5%
 *     window: 30s
 *     abortOnFail: true
 *     grace: 10s
 * }</pre>
 *
 * <p>Every problem is a {@link ThresholdFileException} (an {@code IllegalArgumentException})
 * whose message starts with {@code file:line:} and names the rule. A rule on a sample name the run
 * turns out not to have is reported by {@link Thresholds#evaluate}, with the same
 * {@code file:line} prefix. Stateless; thread-safe.
 */
public final class ThresholdFiles {

    private ThresholdFiles() {
    }

    /**
     * Reads a rule file; {@code .yaml} and {@code .yml} files are YAML, {@code .json} files JSON.
     *
     * @param file the file, UTF-8
     * @return the thresholds it describes
     * @throws IOException            if the file cannot be read
     * @throws ThresholdFileException if the file's name has another extension, or its content is bad
     */
    public static Thresholds load(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        JsonFactory factory = factoryFor(name);
        return parse(factory, Files.readString(file, StandardCharsets.UTF_8), name);
    }

    /**
     * Reads rules from text; the syntax is chosen by {@code fileName}'s extension as in {@link #load}.
     *
     * @param content  the rules
     * @param fileName the name used in error messages and rule origins, such as {@code staging.yaml}
     * @return the thresholds it describes
     * @throws ThresholdFileException if the name has another extension, or the content is bad
     */
    public static Thresholds parse(String content, String fileName) {
        return parse(factoryFor(fileName), content, fileName);
    }

    private static Thresholds parse(JsonFactory factory, String content, String name) {
        try (JsonParser parser = factory.createParser(content)) {
            return new RuleFileReader(parser, name).read();
        } catch (IOException e) {
            throw new ThresholdFileException(name, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static JsonFactory factoryFor(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        JsonFactory factory;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        } else if (lower.endsWith(".json")) {
            factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        } else {
            throw new ThresholdFileException(name, 0, "rule files end in .yaml, .yml or .json");
        }
        return factory;
    }
}
