package dev.perfkit.report.internal;

import static dev.perfkit.report.internal.HtmlText.escape;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.Verdict;
import java.util.Optional;

/** The verdict and the findings of the HTML report. Every string of the verdict is escaped. */
public final class HtmlVerdict {

    private HtmlVerdict() {
    }

    /**
     * Appends the verdict: the overall outcome and a table of the rules; or a note that the run
     * was not judged.
     *
     * @param out     where to append
     * @param verdict the verdict, if the run was judged
     */
    public static void verdict(StringBuilder out, Optional<Verdict> verdict) {
        out.append("<section id=\"verdict\"><h2>Verdict</h2>");
        if (verdict.isEmpty()) {
            out.append("<p class=\"outcome none\">Not judged: no thresholds were evaluated.</p></section>\n");
            return;
        }
        Verdict v = verdict.get();
        out.append("<p class=\"outcome ").append(css(v.outcome())).append("\">").append(v.outcome());
        if (!v.environment().isEmpty()) {
            out.append(" <span class=\"env\">in ");
            escape(out, v.environment());
            out.append("</span>");
        }
        out.append("</p>");
        if (!v.rules().isEmpty()) {
            out.append("<table class=\"rules\"><thead><tr><th>Rule</th><th>Observed</th><th>Warning</th>"
                    + "<th>Critical</th><th>Window</th><th>Outcome</th><th>Note</th></tr></thead><tbody>");
            for (RuleResult r : v.rules()) {
                out.append("<tr class=\"").append(css(r.outcome())).append("\"><td>");
                escape(out, r.rule());
                out.append("</td><td class=\"num\">").append(level(r.observed(), r.unit()))
                        .append("</td><td class=\"num\">").append(level(r.warning(), r.unit()))
                        .append("</td><td class=\"num\">").append(level(r.critical(), r.unit()))
                        .append("</td><td>");
                escape(out, r.window());
                out.append("</td><td><span class=\"badge ").append(css(r.outcome())).append("\">").append(r.outcome())
                        .append("</span></td><td>");
                escape(out, r.note());
                out.append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        out.append("</section>\n");
    }

    /**
     * Appends the findings with their evidence and recommendations, if the verdict has any.
     *
     * @param out     where to append
     * @param verdict the verdict, if the run was judged
     */
    public static void findings(StringBuilder out, Optional<Verdict> verdict) {
        if (verdict.isEmpty() || verdict.get().findings().isEmpty()) {
            return;
        }
        out.append("<section id=\"findings\"><h2>Findings</h2>");
        for (Finding f : verdict.get().findings()) {
            out.append("<article class=\"finding\"><h3>");
            escape(out, f.title());
            out.append("</h3><p class=\"meta\">");
            escape(out, f.kind());
            out.append(" \u00b7 ");
            escape(out, f.subject());
            out.append("</p>");
            if (!f.evidence().isEmpty()) {
                out.append("<ul>");
                for (String e : f.evidence()) {
                    out.append("<li>");
                    escape(out, e);
                    out.append("</li>");
                }
                out.append("</ul>");
            }
            out.append("<p class=\"recommendation\"><strong>Recommendation:</strong> ");
            escape(out, f.recommendation());
            out.append("</p></article>");
        }
        out.append("</section>\n");
    }

    private static String level(double value, String unit) {
        if (Double.isNaN(value)) {
            return "\u2014";
        }
        return switch (unit) {
            case "ratio" -> HtmlText.fixed(value * 100, 2) + " %";
            case "share" -> HtmlText.fixed(value * 100, 1) + " %";
            default -> escape(HtmlText.compact(value) + (unit.isEmpty() || unit.equals("count") ? "" : " " + unit));
        };
    }

    private static String css(Outcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }
}
