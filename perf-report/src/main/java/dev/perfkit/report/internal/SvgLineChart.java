package dev.perfkit.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart drawn as inline SVG by our own code: no script, no third-party library, printable,
 * and viewable without network. Series are downsampled to at most two points per pixel column
 * ({@link MinMaxDownsampler}); NaN values break the line. The y axis starts at 0; the x axis shows
 * either elapsed time or percentiles on a logarithmic scale ({@link XAxis}).
 *
 * <p>The legend is HTML under the picture, so that long sample names wrap instead of overflowing;
 * every name is escaped. Colours come from the CSS classes {@code s0}..{@code s9} (lines) and
 * {@code k0}..{@code k9} (legend swatches).
 */
public final class SvgLineChart {

    /** The drawing's width in SVG units; the plot area is narrower by the margins. */
    static final int WIDTH = 800;
    private static final int HEIGHT = 240;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 10;
    private static final int BOTTOM = 26;
    /** The width of the plot area, which is also the number of downsampling buckets. */
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int COLOURS = 10;

    /**
     * One line of a chart.
     *
     * @param name   the legend text (user-controlled, escaped when drawn)
     * @param x      the x values, ascending
     * @param y      the y values; NaN for a gap
     * @param dashed whether to draw it dashed
     */
    public record Series(String name, double[] x, double[] y, boolean dashed) {
    }

    private final String id;
    private final String title;
    private final String unit;
    private final XAxis xAxis;
    private final List<Series> series = new ArrayList<>();

    /**
     * Starts a chart.
     *
     * @param id    the element id, letters, digits and dashes only (not user-controlled)
     * @param title the caption (escaped)
     * @param unit  the unit of the y axis, shown in the caption (escaped)
     * @param xAxis the kind of x axis
     */
    public SvgLineChart(String id, String title, String unit, XAxis xAxis) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.xAxis = xAxis;
    }

    /**
     * Adds a series.
     *
     * @param line the series
     * @return this chart
     */
    public SvgLineChart add(Series line) {
        series.add(line);
        return this;
    }

    /** Returns whether any series has a finite value. */
    public boolean hasData() {
        for (Series s : series) {
            for (double v : s.y()) {
                if (Double.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Appends the chart as a {@code <figure>} with an SVG picture and an HTML legend.
     *
     * @param out where to append
     */
    public void render(StringBuilder out) {
        if (!hasData()) {
            out.append("<figure class=\"chart empty\" id=\"").append(id).append("\"><figcaption>");
            HtmlText.escape(out, title);
            out.append("</figcaption><p class=\"note\">No data: the run recorded nothing for this chart.</p></figure>\n");
            return;
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                if (Double.isFinite(s.y()[i])) {
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
        }
        xMin = xAxis.left(xMin);
        if (!(xMax > xMin)) {
            xMax = xMin + 1;
        }
        double[] yTicks = Ticks.nice(yMax);
        double yTop = yTicks[yTicks.length - 1];

        out.append("<figure class=\"chart\" id=\"").append(id).append("\"><figcaption>");
        HtmlText.escape(out, title);
        if (!unit.isEmpty()) {
            out.append(" <span class=\"unit\">(");
            HtmlText.escape(out, unit);
            out.append(")</span>");
        }
        out.append("</figcaption><svg class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"");
        HtmlText.escape(out, title);
        out.append("\">");
        grid(out, yTicks, yTop, xMin, xMax);
        for (int s = 0; s < series.size(); s++) {
            line(out, series.get(s), s, xMin, xMax, yTop);
        }
        out.append("</svg><ul class=\"legend\">");
        for (int s = 0; s < series.size(); s++) {
            out.append("<li><span class=\"swatch k").append(s % COLOURS)
                    .append(series.get(s).dashed() ? " dashed" : "").append("\"></span>");
            HtmlText.escape(out, series.get(s).name());
            out.append("</li>");
        }
        out.append("</ul></figure>\n");
    }

    private void grid(StringBuilder out, double[] yTicks, double yTop, double xMin, double xMax) {
        out.append("<g class=\"grid\">");
        for (double tick : yTicks) {
            double py = TOP + PLOT_HEIGHT - tick / yTop * PLOT_HEIGHT;
            out.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_WIDTH).append("\" y1=\"");
            HtmlText.coordinate(out, py).append("\" y2=\"");
            HtmlText.coordinate(out, py).append("\"/><text class=\"ytick\" x=\"").append(LEFT - 6).append("\" y=\"");
            HtmlText.coordinate(out, py + 4).append("\">").append(HtmlText.compact(tick)).append("</text>");
        }
        for (XAxis.Tick tick : xAxis.ticks(xMin, xMax)) {
            double px = LEFT + (tick.value() - xMin) / (xMax - xMin) * PLOT_WIDTH;
            out.append("<line x1=\"");
            HtmlText.coordinate(out, px).append("\" x2=\"");
            HtmlText.coordinate(out, px).append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + PLOT_HEIGHT)
                    .append("\"/><text class=\"xtick\" x=\"");
            HtmlText.coordinate(out, px).append("\" y=\"").append(HEIGHT - 8).append("\">");
            HtmlText.escape(out, tick.label()).append("</text>");
        }
        out.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(PLOT_WIDTH).append("\" height=\"").append(PLOT_HEIGHT).append("\"/></g>");
    }

    private static void line(StringBuilder out, Series s, int index, double xMin, double xMax, double yTop) {
        int[] kept = MinMaxDownsampler.keep(s.x(), s.y(), xMin, xMax, PLOT_WIDTH);
        out.append("<path class=\"series s").append(index % COLOURS).append(s.dashed() ? " dashed" : "")
                .append("\" d=\"");
        int segment = 0;
        for (int k : kept) {
            double v = s.y()[k];
            if (!Double.isFinite(v)) {
                segment = endSegment(out, segment);
                continue;
            }
            double px = LEFT + (s.x()[k] - xMin) / (xMax - xMin) * PLOT_WIDTH;
            double py = TOP + PLOT_HEIGHT - Math.min(v, yTop) / yTop * PLOT_HEIGHT;
            out.append(segment == 0 ? 'M' : 'L');
            HtmlText.coordinate(out, px).append(' ');
            HtmlText.coordinate(out, py);
            segment++;
        }
        endSegment(out, segment);
        out.append("\"><title>");
        HtmlText.escape(out, s.name());
        out.append("</title></path>");
    }

    /** Ends a segment of a path; a lone point becomes a dot (a zero-length segment with round caps). */
    private static int endSegment(StringBuilder out, int points) {
        if (points == 1) {
            out.append("l0 0");
        }
        return 0;
    }
}
