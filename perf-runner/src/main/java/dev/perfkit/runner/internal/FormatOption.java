package dev.perfkit.runner.internal;

import dev.perfkit.report.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --format} option of the commands that write reports ({@code run}, {@code merge}): a picocli mixin. */
final class FormatOption {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", split = ",",
            converter = Converters.FormatConverter.class,
            description = "Report formats, repeatable or comma-separated (default: all): json, csv, html, "
                    + "junit-xml, markdown, hdr-log, console.")
    List<ReportFormat> formats = new ArrayList<>();

    /** Returns the formats given, or every format when none was. */
    List<ReportFormat> chosen() {
        return formats.isEmpty() ? List.of(ReportFormat.values()) : List.copyOf(formats);
    }
}
