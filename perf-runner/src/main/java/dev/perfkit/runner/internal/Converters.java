package dev.perfkit.runner.internal;

import dev.perfkit.core.Environment;
import dev.perfkit.core.Preset;
import dev.perfkit.core.Shard;
import dev.perfkit.report.ReportFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The picocli converters of the run command's values; each error message is one line. */
final class Converters {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Converters() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT1M30S}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value);
        }
    }

    /** {@code INDEX/COUNT} with a 0-based index, as Kubernetes' {@code JOB_COMPLETION_INDEX}: {@code 0/4} .. {@code 3/4}. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage().replace("shard: ", ""));
            }
        }
    }

    /** An ISO-8601 instant in UTC, such as {@code 2026-11-30T06:00:00Z}. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an instant in UTC such as 2026-11-30T06:00:00Z");
            }
        }
    }

    /** {@code dev}, {@code staging} or {@code production}, any case. */
    static final class EnvironmentConverter implements ITypeConverter<Environment> {
        @Override
        public Environment convert(String value) {
            try {
                return Environment.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an environment: dev, staging or production");
            }
        }
    }

    /** A preset name, any case. */
    static final class PresetConverter implements ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            try {
                return Preset.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a preset: smoke, load, stress, spike or endurance");
            }
        }
    }

    /** A report format name, any case, {@code -} or {@code _}: {@code json}, {@code junit-xml}, ... */
    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a report format: " + formatNames());
            }
        }
    }

    static String formatNames() {
        StringBuilder sb = new StringBuilder();
        for (ReportFormat f : ReportFormat.values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return sb.toString();
    }

    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(v);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            return Duration.ofNanos(Math.round(millis * 1_000_000));
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration: use 500ms, 30s, 2m, 1h or PT1M30S");
        }
    }
}
