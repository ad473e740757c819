package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON that ResultJson writes conforms to the schema published in docs/schema. */
class ResultJsonSchemaTest {

    /** The published schema, relative to the module's folder (Maven runs tests there). */
    static final Path SCHEMA = Path.of("..", "docs", "schema", "perfkit-result-v1.schema.json");

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    private static String json(ResultDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultJson.write(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldConformToThePublishedSchemaWhenTheRunCompletedAndWasJudged() throws Exception {
        String json = json(ResultDocument.of(TestRuns.complete(), Optional.of(TestRuns.verdict()),
                RunEnvironment.current()));

        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldConformToThePublishedSchemaWhenTheRunFailedAndWasNotJudged() throws Exception {
        String json = json(ResultDocument.of(TestRuns.failed(), Optional.empty(), RunEnvironment.current()));

        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldConformToThePublishedSchemaWhenTheRunWasAbortedByAThreshold() throws Exception {
        RunResult aborted = TestRuns.aborted();
        assertThat(aborted.status()).isEqualTo(RunStatus.ABORTED);
        String json = json(ResultDocument.of(aborted, Optional.of(TestRuns.abortRules().evaluate(aborted)),
                RunEnvironment.current()));

        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldConformToThePublishedSchemaWhenTheDocumentHasLabels() throws Exception {
        String json = json(ResultDocument.of(TestRuns.complete(), Optional.empty(), RunEnvironment.current(),
                Map.of("method", "GET", "status.200", "12")));

        assertThat(json).contains("\"labels\"");
        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(json.replace("\"12\"", "12"), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(json.replace("\"method\" :", "\" \" :"), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void shouldRejectDocumentsThatBreakTheSchema() throws Exception {
        // The schema is strict enough to catch a writer that drifts from it.
        String json = json(ResultDocument.of(TestRuns.complete(), Optional.of(TestRuns.verdict()),
                RunEnvironment.current()));

        List<Error> missingField = schema.validate(json.replaceFirst("\"p999Nanos\" : \\d+,", ""),
                InputFormat.JSON);
        List<Error> unknownStatus = schema.validate(json.replace("\"COMPLETED\"", "\"DONE\""), InputFormat.JSON);
        List<Error> extraField = schema.validate(json.replace("\"complete\" :", "\"extra\" : 1, \"complete\" :"),
                InputFormat.JSON);

        assertThat(missingField).isNotEmpty();
        assertThat(unknownStatus).isNotEmpty();
        assertThat(extraField).isNotEmpty();
    }
}
