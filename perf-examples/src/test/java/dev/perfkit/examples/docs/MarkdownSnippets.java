package dev.perfkit.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the ```java blocks of Markdown files. As in CommonMark, an opening fence is a line of three
 * or more backticks (indentation allowed) followed by an info string without backticks, and the
 * block ends at a line of at least as many backticks; the block is Java when the info string is
 * {@code java} or starts with {@code java }.
 * Blocks in other languages (```text, ```sh, ```yaml, a bare ```) are not Java and not returned.
 * A block fenced ```java continued goes on from the file's previous Java block: it is returned as
 * that block's lines followed by its own (so it may use what the previous one declared), in place
 * of the previous one.
 */
final class MarkdownSnippets {

    private static final Pattern OPENING = Pattern.compile("(`{3,})([^`]*)");

    private MarkdownSnippets() {
    }

    /** The Java blocks of README.md and of every {@code docs/*.md} under {@code root}, in file order. */
    static List<DocSnippet> ofProject(Path root) {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocSnippet> snippets = new ArrayList<>();
        for (Path file : files) {
            snippets.addAll(read(root.relativize(file), root));
        }
        return snippets;
    }

    /** The Java blocks of {@code root.resolve(file)}; the snippets name it by {@code file}. */
    static List<DocSnippet> read(Path file, Path root) {
        List<String> text;
        try {
            text = Files.readAllLines(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocSnippet> snippets = new ArrayList<>();
        List<String> block = null;
        boolean java = false;
        boolean continued = false;
        int blockStart = 0;
        String fence = null;
        for (int i = 0; i < text.size(); i++) {
            String trimmed = text.get(i).strip();
            Matcher opening = OPENING.matcher(trimmed);
            if (block == null && opening.matches()) {
                fence = opening.group(1);
                String info = opening.group(2).strip();
                java = info.equals("java") || info.startsWith("java ");
                continued = info.equals("java continued");
                block = new ArrayList<>();
                blockStart = i + 2;
            } else if (block != null && trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == '`')) {
                if (java) {
                    List<Integer> numbers = new ArrayList<>();
                    for (int n = 0; n < block.size(); n++) {
                        numbers.add(blockStart + n);
                    }
                    DocSnippet snippet = new DocSnippet(file, block, numbers);
                    if (continued && snippets.isEmpty()) {
                        throw new IllegalArgumentException(file + ":" + (blockStart - 1)
                                + ": a ```java continued block needs a Java block before it");
                    }
                    snippets.add(continued ? snippets.removeLast().followedBy(snippet) : snippet);
                }
                block = null;
            } else if (block != null) {
                block.add(text.get(i));
            }
        }
        if (block != null) {
            throw new IllegalArgumentException(file + ":" + (blockStart - 1) + ": code block is never closed");
        }
        return snippets;
    }
}
