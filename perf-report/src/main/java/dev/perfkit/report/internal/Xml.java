package dev.perfkit.report.internal;

/**
 * Escapes text for XML 1.0. Besides the five markup characters, characters that XML 1.0 forbids
 * (control characters other than tab, CR and LF; unpaired surrogates; U+FFFE and U+FFFF) are
 * replaced by U+FFFD, so any user string gives a well-formed document.
 */
public final class Xml {

    private Xml() {
    }

    /**
     * Escapes text for element content.
     *
     * @param text the text
     * @return the escaped text
     */
    public static String text(String text) {
        return escape(text, false);
    }

    /**
     * Escapes text for a double-quoted attribute value; tab, CR and LF become character references
     * so that parsers keep them.
     *
     * @param text the text
     * @return the escaped text
     */
    public static String attribute(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean attribute) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\'' -> sb.append(attribute ? "&apos;" : "'");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(allowed(c) ? c : '\uFFFD');
            }
        }
        return sb.toString();
    }

    private static boolean allowed(char c) {
        return c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }
}
