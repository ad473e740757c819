package dev.perfkit.examples.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One ```java block of a Markdown file (with the blocks it continues): where it is and its lines.
 *
 * @param file the Markdown file, as given to {@link MarkdownSnippets#read}
 * @param lines the code lines, without the fences
 * @param lineNumbers for each code line, its 1-based line number in {@code file}
 */
record DocSnippet(Path file, List<String> lines, List<Integer> lineNumbers) {

    DocSnippet {
        lines = List.copyOf(lines);
        lineNumbers = List.copyOf(lineNumbers);
        if (lines.size() != lineNumbers.size()) {
            throw new IllegalArgumentException("docSnippet[" + file + "]: lineNumbers must match lines, was "
                    + lineNumbers.size() + " for " + lines.size());
        }
    }

    /** {@code file:line} of the block's {@code index}-th code line (0-based), as a reader looks it up. */
    String location(int index) {
        return file + ":" + lineNumbers.get(index);
    }

    /** This block with {@code next}'s lines after its own: a ```java continued block. */
    DocSnippet followedBy(DocSnippet next) {
        List<String> allLines = new ArrayList<>(lines);
        allLines.addAll(next.lines);
        List<Integer> allNumbers = new ArrayList<>(lineNumbers);
        allNumbers.addAll(next.lineNumbers);
        return new DocSnippet(file, allLines, allNumbers);
    }
}
