package dev.perfkit.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.report.ReportFormat;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

    @Test
    void shouldReadShortAndIsoDurationsWhenGiven() {
        assertThat(Converters.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Converters.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Converters.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Converters.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Converters.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Converters.duration("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'soon' is not a duration: use 500ms, 30s, 2m, 1h or PT1M30S");
    }

    @Test
    void shouldReadReportFormatsInAnyCaseWithDashesWhenGiven() {
        Converters.FormatConverter c = new Converters.FormatConverter();

        assertThat(c.convert("junit-xml")).isEqualTo(ReportFormat.JUNIT_XML);
        assertThat(c.convert("HDR_LOG")).isEqualTo(ReportFormat.HDR_LOG);
        assertThat(c.convert("Html")).isEqualTo(ReportFormat.HTML);
    }
}
