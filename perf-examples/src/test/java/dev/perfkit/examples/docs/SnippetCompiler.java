package dev.perfkit.examples.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles documentation snippets with {@code javax.tools.JavaCompiler} against this JVM's class
 * path, and reports every error at its {@code file:line} in the Markdown.
 *
 * <p>The convention (documented for writers in docs/README.md):
 * <ul>
 *   <li>A block whose first code line starts with {@code package}, {@code import} or a class,
 *       record, interface or enum declaration is a whole compilation unit. Without a package of
 *       its own it gets one ({@code docsnippets.s<n>}) and the {@link #IMPORTS}.</li>
 *   <li>Any other block is a fragment: its statements become the body of a method
 *       {@code void snippet() throws Exception} of a class that extends {@link DocsContext} (whose
 *       fields, such as {@code scenario}, {@code result} or {@code http}, the fragment may use) and
 *       sees the {@link #IMPORTS}. Leading {@code static ...;} declarations of the block (a
 *       {@code SessionKey} constant, say) become fields of that class.</li>
 *   <li>A block fenced ```java continued goes on from the previous Java block of its file
 *       ({@link MarkdownSnippets}).</li>
 * </ul>
 */
final class SnippetCompiler {

    /** What every snippet sees without importing it. */
    static final List<String> IMPORTS = List.of(
            "dev.perfkit.core.*", "dev.perfkit.http.*", "dev.perfkit.jdbc.*", "dev.perfkit.report.*",
            "dev.perfkit.micrometer.*", "dev.perfkit.runner.*", "java.time.*", "java.util.*", "java.util.function.*",
            "java.util.concurrent.*", "java.util.concurrent.atomic.*",
            "java.nio.file.*", "java.net.URI", "com.fasterxml.jackson.databind.JsonNode",
            "io.github.resilience4j.retry.*", "io.github.resilience4j.circuitbreaker.*",
            "io.github.resilience4j.core.IntervalFunction");

    private static final Pattern UNIT_START = Pattern.compile(
            "^(package|import)\\s.*|^((public|final|abstract|sealed)\\s+)*(class|record|interface|enum)\\s.*");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s.*");

    private SnippetCompiler() {
    }

    /**
     * Compiles the snippets together into {@code outputDir}.
     *
     * @return one line per error, {@code file:line: message}, empty when all compile
     */
    static List<String> compile(List<DocSnippet> snippets, Path outputDir) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            sources.add(generate(snippets.get(i), i));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", classPath(), "-d", outputDir.toString(),
                "-proc:none", "-Xlint:none", "-implicit:none", "--release", "21");
        compiler.getTask(null, null, diagnostics, options, null, sources).call();
        Set<String> errors = new LinkedHashSet<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String where = d.getSource() instanceof Source s ? s.locate(d.getLineNumber()) : "?";
                errors.add(where + ": " + d.getMessage(Locale.ROOT).lines().map(String::strip)
                        .reduce((a, b) -> a + " | " + b).orElse(""));
            }
        }
        return List.copyOf(errors);
    }

    private static Source generate(DocSnippet snippet, int index) {
        String pkg = "docsnippets.s" + index;
        List<String> lines = snippet.lines();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        boolean unit = first < lines.size() && UNIT_START.matcher(lines.get(first).strip()).matches();
        Source source = new Source(pkg + "." + (unit ? publicTypeName(lines) : "Snippet"), snippet);
        if (unit) {
            boolean ownPackage = PACKAGE.matcher(lines.get(first).strip()).matches();
            if (!ownPackage) {
                source.add("package " + pkg + ";", -1);
                IMPORTS.forEach(i -> source.add("import " + i + ";", -1));
            }
            for (int i = 0; i < lines.size(); i++) {
                source.add(lines.get(i), i);
            }
            return source;
        }
        source.add("package " + pkg + ";", -1);
        IMPORTS.forEach(i -> source.add("import " + i + ";", -1));
        source.add("class Snippet extends " + DocsContext.class.getName() + " {", -1);
        int body = first;
        while (body < lines.size() && lines.get(body).strip().startsWith("static ")) {
            do {
                source.add(lines.get(body), body);
            } while (!lines.get(body++).strip().endsWith(";") && body < lines.size());
            while (body < lines.size() && lines.get(body).isBlank()) {
                body++;
            }
        }
        source.add("void snippet() throws Exception {", -1);
        for (int i = body; i < lines.size(); i++) {
            source.add(lines.get(i), i);
        }
        source.add("}}", -1);
        return source;
    }

    /** The name of a unit's public top-level type, which javac wants as the file's name. */
    private static String publicTypeName(List<String> lines) {
        for (String line : lines) {
            Matcher m = PUBLIC_TYPE.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "Snippet";
    }

    /** The class path of this JVM, with the entries of a manifest-only jar (Surefire's) expanded. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                String manifestPath = jar.getManifest() == null ? null
                        : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (manifestPath != null) {
                    URI base = new File(entry).toURI();
                    for (String url : manifestPath.split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(base.resolve(url)).toString());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(entry, e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A generated source that knows which Markdown line each of its lines came from. */
    private static final class Source extends SimpleJavaFileObject {
        private final DocSnippet snippet;
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> origin = new ArrayList<>();

        Source(String className, DocSnippet snippet) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.snippet = snippet;
        }

        void add(String line, int snippetLine) {
            text.append(line).append('\n');
            origin.add(snippetLine);
        }

        String locate(long generatedLine) {
            int i = (int) generatedLine - 1;
            if (i >= 0 && i < origin.size() && origin.get(i) >= 0) {
                return snippet.location(origin.get(i));
            }
            return snippet.location(0) + " (in the code generated around the block)";
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
