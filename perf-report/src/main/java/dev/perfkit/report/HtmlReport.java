package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.AtomicFiles;
import dev.perfkit.report.internal.HtmlAssets;
import dev.perfkit.report.internal.HtmlCharts;
import dev.perfkit.report.internal.HtmlSections;
import dev.perfkit.report.internal.HtmlText;
import dev.perfkit.report.internal.HtmlVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The self-contained HTML report: one file with its style, script and data inline, viewable
 * without network. Charts are inline SVG drawn by perfkit (no chart library); a short inline
 * script sorts the statistics table and is the only script a Content-Security-Policy lets run.
 * Stateless and thread-safe.
 */
final class HtmlReport implements Report {

    static final HtmlReport INSTANCE = new HtmlReport();

    private HtmlReport() {
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.HTML;
    }

    @Override
    public List<Path> write(RunResult result, Optional<Verdict> verdict, Path target) throws IOException {
        Objects.requireNonNull(result, "htmlReport: result must not be null");
        Objects.requireNonNull(verdict, "htmlReport: verdict must not be null (use Optional.empty())");
        Objects.requireNonNull(target, "htmlReport: target must not be null");
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("htmlReport: target must be a file, was the folder " + target);
        }
        byte[] page = render(result, verdict).getBytes(StandardCharsets.UTF_8);
        return List.of(AtomicFiles.write(target, out -> out.write(page)));
    }

    /**
     * Renders the page.
     *
     * @param result  the result
     * @param verdict the verdict, if judged
     * @return the whole HTML document
     */
    static String render(RunResult result, Optional<Verdict> verdict) {
        StringBuilder out = new StringBuilder(64 * 1024 + result.samples().size() * 2048);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlAssets.CONTENT_SECURITY_POLICY).append("\"><meta name=\"generator\" content=\"perfkit\"><title>");
        HtmlText.escape(out, result.scenario());
        out.append(" \u2014 perfkit report</title><style>").append(HtmlAssets.CSS).append("</style></head>\n<body>\n<header><h1>");
        HtmlText.escape(out, result.scenario());
        out.append("</h1>");
        if (result.description() != null && !result.description().isBlank()) {
            out.append("<p class=\"desc\">");
            HtmlText.escape(out, result.description());
            out.append("</p>");
        }
        out.append("</header>\n");
        HtmlSections.incompleteBanner(out, result);
        HtmlVerdict.verdict(out, verdict);
        HtmlSections.headline(out, result);
        HtmlVerdict.findings(out, verdict);
        HtmlSections.statistics(out, result);
        HtmlCharts.render(out, result);
        HtmlSections.failures(out, result);
        HtmlSections.metadata(out, result);
        out.append("<footer>Written by perfkit. Charts show the total and the ").append(HtmlCharts.TOP_NAMES)
                .append(" busiest names; the table lists every name.</footer>\n<script>").append(HtmlAssets.SCRIPT)
                .append("</script>\n</body></html>\n");
        return out.toString();
    }
}
