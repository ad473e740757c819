package dev.perfkit.report.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns sample names into safe, distinct file names: characters other than ASCII letters, digits,
 * {@code .}, {@code _} and {@code -} become {@code _}, names are cut to {@value #MAX_LENGTH}
 * characters, and names that would collide (also on case-insensitive file systems) get a
 * {@code -2}, {@code -3}, ... suffix. Not thread-safe: one instance per folder written.
 */
public final class FileNames {

    /** The longest base name produced, before the suffix and the extension. */
    public static final int MAX_LENGTH = 80;

    private final String extension;
    private final Set<String> taken = new HashSet<>();

    /**
     * Creates a namer.
     *
     * @param extension the extension of every file, such as {@code .hlog}
     * @param reserved  file names already used in the folder, such as an index file
     */
    public FileNames(String extension, String... reserved) {
        this.extension = extension;
        for (String r : reserved) {
            taken.add(r.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Returns a file name for a sample name, distinct from every name returned before.
     *
     * @param name the sample name
     * @return the file name, with the extension
     */
    public String next(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < MAX_LENGTH; i++) {
            char c = name.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && sb.length() > 0);
            sb.append(safe ? c : '_');
        }
        String base = sb.isEmpty() ? "_" : sb.toString();
        String candidate = base + extension;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "-" + n + extension;
        }
        return candidate;
    }
}
