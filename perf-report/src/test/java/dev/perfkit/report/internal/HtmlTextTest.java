package dev.perfkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void shouldEscapeMarkupQuotesAndControlCharactersWhenEscaping() {
        assertThat(HtmlText.escape("<a href='x' title=\"y\">&</a>\u0000\u001b\n\t"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;\uFFFD\uFFFD\n\t");
        assertThat(HtmlText.escape((String) null)).isEmpty();
    }

    @Test
    void shouldFormatFiguresCompactlyWhenTheyAreLargeOrSmall() {
        assertThat(HtmlText.compact(0)).isEqualTo("0");
        assertThat(HtmlText.compact(2_500)).isEqualTo("2.5k");
        assertThat(HtmlText.compact(1_500_000_000)).isEqualTo("1.5G");
        assertThat(HtmlText.compact(0.25)).isEqualTo("0.25");
        assertThat(HtmlText.compact(150)).isEqualTo("150");
        assertThat(HtmlText.compact(Double.NaN)).isEqualTo("\u2014");
        assertThat(HtmlText.millis(1_234_567)).isEqualTo("1.23");
        assertThat(HtmlText.millis(2_500_000_000.0)).isEqualTo("2500");
    }

    @Test
    void shouldWriteOneDecimalAtMostWhenWritingCoordinates() {
        assertThat(HtmlText.coordinate(new StringBuilder(), 12.345).toString()).isEqualTo("12.3");
        assertThat(HtmlText.coordinate(new StringBuilder(), 40.0).toString()).isEqualTo("40");
        assertThat(HtmlText.coordinate(new StringBuilder(), -0.5).toString()).isEqualTo("-0.5");
    }

    @Test
    void shouldLabelTheAxesInNinesAndInClockTimeWhenDrawingTicks() {
        assertThat(XAxis.PERCENTILE.ticks(0, 3.2)).extracting(XAxis.Tick::label)
                .containsExactly("0%", "90%", "99%", "99.9%");
        assertThat(XAxis.percentileX(99)).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(XAxis.TIME.ticks(0, 3_600)).extracting(XAxis.Tick::label)
                .containsExactly("0:00", "10:00", "20:00", "30:00", "40:00", "50:00", "1:00:00");
        assertThat(XAxis.TIME.ticks(0, 0.6)).extracting(XAxis.Tick::label)
                .containsExactly("0.0s", "0.1s", "0.2s", "0.3s", "0.4s", "0.5s", "0.6s");
        assertThat(Ticks.nice(37)).containsExactly(0, 10, 20, 30, 40);
    }
}
