package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.RunResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML is valid against the common (Jenkins junit-10) schema and holds one case per rule. */
class JunitXmlReportTest {

    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream xsd = JunitXmlReportTest.class.getResourceAsStream("/junit-10.xsd")) {
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd));
        }
    }

    private static Document validateAndParse(Path file) throws Exception {
        schema.newValidator().validate(new StreamSource(file.toFile()));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void shouldWriteOneCasePerRuleWithAFailureForTheCriticalOneWhenJudged() throws Exception {
        RunResult result = TestRuns.complete();
        Path file = Reports.junitXml().write(result, TestRuns.verdict(), dir.resolve("junit.xml")).get(0);

        Element suite = validateAndParse(file).getDocumentElement();

        assertThat(suite.getAttribute("name")).isEqualTo("shop");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        List<Element> cases = elements(suite, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(JunitXmlReport.RUN_CASE,
                "p95(" + TestRuns.COMMA + ") < 200 ms", "throughput >= 5000 /s",
                "errorRate(" + TestRuns.QUOTE + ") < 1 %");
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("shop");
        assertThat(elements(cases.get(0), "error")).isEmpty();
        assertThat(elements(cases.get(1), "failure")).isEmpty();
        assertThat(elements(cases.get(2), "failure")).isEmpty();
        assertThat(elements(cases.get(2), "system-out")).singleElement()
                .satisfies(out -> assertThat(out.getTextContent()).startsWith("WARNING: throughput >= 5000 /s")
                        .contains("note with <xml> & \"quotes\""));
        assertThat(elements(cases.get(3), "failure")).singleElement().satisfies(f -> {
            assertThat(f.getAttribute("type")).isEqualTo("CRITICAL");
            assertThat(f.getAttribute("message")).contains("observed 20.00 %", "critical 1.00 %");
        });
    }

    @Test
    void shouldListFindingsAsPropertiesAndSuiteOutputWhenTheVerdictHasFindings() throws Exception {
        Path file = Reports.junitXml().write(TestRuns.complete(), TestRuns.verdict(), dir.resolve("junit.xml")).get(0);

        Element suite = validateAndParse(file).getDocumentElement();

        assertThat(elements(suite, "property")).filteredOn(p -> p.getAttribute("name").equals("finding.1"))
                .singleElement().satisfies(p -> assertThat(p.getAttribute("value"))
                        .isEqualTo("Errors of " + TestRuns.QUOTE + " | 20 %"));
        assertThat(elements(suite, "property")).filteredOn(p -> p.getAttribute("name").equals("environment"))
                .singleElement().satisfies(p -> assertThat(p.getAttribute("value")).isEqualTo("staging <eu>"));
        Element suiteOut = elements(suite, "system-out").get(elements(suite, "system-out").size() - 1);
        assertThat(suiteOut.getParentNode()).isSameAs(suite);
        assertThat(suiteOut.getTextContent()).contains("recommendation: Check the <server> logs & retry.\nThen rerun.");
    }

    @Test
    void shouldReportAnErrorCaseWhenTheRunDidNotComplete() throws Exception {
        RunResult failed = TestRuns.failed();
        Path file = Reports.junitXml().write(failed, Optional.empty(), dir.resolve("junit.xml")).get(0);

        Element suite = validateAndParse(file).getDocumentElement();

        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(elements(suite, "error")).singleElement().satisfies(e -> {
            assertThat(e.getAttribute("type")).isEqualTo("FAILED");
            assertThat(e.getAttribute("message")).startsWith("run incomplete: status FAILED")
                    .contains("the <engine> & \"it\" broke");
        });
    }

    @Test
    void shouldStayWellFormedWhenTextsHoldCharactersXmlForbids() throws Exception {
        String text = "bell\u0007 nul\u0000 tab\t cr\r lf\n lone surrogate \uD800 end";
        String xml = JunitXmlReport.xml(TestRuns.complete(), Optional.of(dev.perfkit.core.Verdict.of(text,
                List.of(), List.of())));
        Path file = java.nio.file.Files.writeString(dir.resolve("odd.xml"), xml);

        Element suite = validateAndParse(file).getDocumentElement();

        assertThat(elements(suite, "property")).filteredOn(p -> p.getAttribute("name").equals("environment"))
                .singleElement().satisfies(p -> assertThat(p.getAttribute("value"))
                        .isEqualTo("bell\uFFFD nul\uFFFD tab\t cr\r lf\n lone surrogate \uFFFD end"));
    }
}
