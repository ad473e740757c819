package dev.perfkit.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of README.md and docs/*.md compiles against the real API (issue 7: "every
 * code snippet in the docs compiles"). The convention a block must follow is in
 * {@link SnippetCompiler} and, for writers, in docs/README.md.
 */
class DocsSnippetsTest {

    private static final Path ROOT = projectRoot();

    @Test
    void shouldCompileEveryJavaSnippetOfTheDocs(@TempDir Path classes) {
        List<DocSnippet> snippets = MarkdownSnippets.ofProject(ROOT);

        List<String> errors = SnippetCompiler.compile(snippets, classes);

        assertThat(errors).as("snippets that do not compile (file:line: error)").isEmpty();
    }

    @Test
    void shouldFindTheSnippetsOfTheReadmeAndOfEveryGuide() {
        List<DocSnippet> snippets = MarkdownSnippets.ofProject(ROOT);

        assertThat(snippets).extracting(s -> s.file().toString())
                .contains("README.md", "docs/core.md", "docs/http.md", "docs/jdbc.md", "docs/reports.md",
                        "docs/verdicts.md", "docs/concepts.md", "docs/embedding.md", "docs/ci.md",
                        "docs/getting-started.md");
    }

    @Test
    void shouldReportFileAndLineWhenASnippetDoesNotCompile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("guide.md"), """
                # A guide

                ```java
                Scenario s = Scenario.named("x");
                int users = s.users();
                ```

                ```text
                not java at all
                ```

                ```java
                static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);

                RunResult r = LoadTest.run(scenario.task(1, "t", session -> session.set(TOKEN, "a")));
                ```

                ```java continued
                long count = r.total().count();
                String token = TOKEN.name() + count + missing;
                ```

                ```java
                public final class Broken {
                    void f() { undefinedCall(); }
                }
                ```
                """);
        List<DocSnippet> snippets = MarkdownSnippets.read(Path.of("guide.md"), dir);

        List<String> errors = SnippetCompiler.compile(snippets, dir.resolve("classes"));

        assertThat(snippets).hasSize(3);
        assertThat(snippets.get(1).lineNumbers()).containsExactly(13, 14, 15, 19, 20);
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("guide.md:5: ");
        assertThat(errors.get(1)).startsWith("guide.md:20: ").contains("missing");
        assertThat(errors.get(2)).startsWith("guide.md:25: ").contains("undefinedCall");
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no project root (with docs/ and mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
