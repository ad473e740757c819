package dev.perfkit.report.internal;

/**
 * Escapes user text for Markdown (CommonMark and GitHub) where it appears inline, never at the
 * start of a line: emphasis, code, link, HTML and strike-through characters are backslash-escaped,
 * {@code |} cannot end a table cell, {@code &} cannot start an entity, and line breaks become
 * spaces so that a value stays on its table row.
 */
public final class Markdown {

    private static final String SPECIAL = "\\`*_[]<>|~";

    private Markdown() {
    }

    /**
     * Escapes text for inline use, including inside a table cell.
     *
     * @param text the text
     * @return the escaped text, on one line
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                sb.append(' ');
            } else if (c == '\n') {
                sb.append(' ');
            } else if (c == '&') {
                sb.append("&amp;");
            } else if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
