package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.RunResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultDocumentTest {

    private static final RunEnvironment ENV = new RunEnvironment("0.1.0-test", "21.0.1", "Linux 6.1 (amd64)", 8, "ci-1");

    private static RunResult result;

    @BeforeAll
    static void run() throws InterruptedException {
        result = TestRuns.complete();
    }

    @Test
    void shouldKeepAnUnmodifiableCopyOfTheLabelsInTheirOrderWhenGivenLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("z", "last letter, first label");
        labels.put("a", "1");

        ResultDocument doc = ResultDocument.of(result, Optional.empty(), ENV, labels);
        labels.put("later", "x");

        assertThat(doc.labels()).containsExactly(Map.entry("z", "last letter, first label"), Map.entry("a", "1"));
        assertThatThrownBy(() -> doc.labels().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldHaveNoLabelsWhenMadeWithoutThem() {
        ResultDocument fromFactory = ResultDocument.of(result, Optional.empty(), ENV);
        ResultDocument fromConstructor = new ResultDocument(ResultJson.SCHEMA_VERSION, result, Optional.empty(), ENV);

        assertThat(fromFactory.labels()).isEmpty();
        assertThat(fromConstructor).isEqualTo(fromFactory);
    }

    @Test
    void shouldNameTheLabelWhenANameIsBlankOrAValueNull() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("build", null);
        Map<String, String> nullName = new HashMap<>();
        nullName.put(null, "1");

        assertThatIllegalArgumentException().isThrownBy(() -> ResultDocument.of(result, Optional.empty(), ENV, Map.of(" ", "1")))
                .withMessage("resultDocument: label name must not be blank, was \" \"");
        assertThatIllegalArgumentException().isThrownBy(() -> ResultDocument.of(result, Optional.empty(), ENV, nullName))
                .withMessage("resultDocument: label name must not be blank, was null");
        assertThatIllegalArgumentException().isThrownBy(() -> ResultDocument.of(result, Optional.empty(), ENV, nullValue))
                .withMessage("resultDocument: label[build] value must not be null");
        assertThatThrownBy(() -> ResultDocument.of(result, Optional.empty(), ENV, null))
                .isInstanceOf(NullPointerException.class).hasMessage("labels");
    }
}
