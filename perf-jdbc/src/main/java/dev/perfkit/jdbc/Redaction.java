package dev.perfkit.jdbc;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords and other secrets in JDBC URLs and connection properties before they are printed
 * or stored.
 *
 * <pre>{@code
 * Redaction.url("jdbc:postgresql://db/shop?user=app&password=s3cret")
 *     // "jdbc:postgresql://db/shop?user=app&password=****"
 * Redaction.properties(Map.of("user", "app", "password", "s3cret"))
 *     // {password=****, user=app}
 * }</pre>
 *
 * <p>Everything in this module that prints or stores a URL or properties goes through this class:
 * {@link PoolConfig#toString()}, {@link JdbcPool#toString()}, the failure messages a statement
 * records into the run's result, and the messages of the exceptions {@link JdbcPool#create}
 * throws. Those messages are also cleaned of the literal password of the pool's configuration,
 * wherever it appears (a driver that echoes the URL, a statement whose text contains it).
 *
 * <h2>What counts as a secret</h2>
 * A property or URL parameter whose key contains, in any case, one of {@code password},
 * {@code passwd}, {@code pwd}, {@code secret}, {@code token}, {@code credential} or
 * {@code apikey}/{@code api_key}/{@code api-key}; the password of a {@code //user:password@host}
 * authority; and the password of Oracle's {@code user/password@host} form.
 *
 * <h2>Limits</h2>
 * Redaction is by pattern: a secret passed under a key that matches none of the words above, or in
 * a vendor syntax not listed here, is not recognised. Literal passwords shorter than
 * {@link #MIN_LITERAL_LENGTH} characters are masked in URLs and properties but not searched for in
 * free text, where they would match ordinary words. Stateless and thread-safe.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** The shortest literal secret searched for in free text (messages); shorter ones are only masked by key. */
    public static final int MIN_LITERAL_LENGTH = 4;

    private static final String SENSITIVE_WORDS = "password|passwd|pwd|secret|token|credential|api[_-]?key";
    private static final Pattern SENSITIVE_KEY = Pattern.compile("(?i).*(" + SENSITIVE_WORDS + ").*");
    /** key=value after ?, &, ; or : (URL parameters and H2/SQL Server style settings). */
    private static final Pattern URL_PARAMETER = Pattern.compile(
            "(?i)([?&;:]\\s*[\\w.\\-]*(?:" + SENSITIVE_WORDS + ")[\\w.\\-]*\\s*=)([^&;]*)");
    /** //user:password@host */
    private static final Pattern AUTHORITY = Pattern.compile("(//[^/:@?;&\\s]*:)([^@/\\s]*)(@)");
    /** Oracle thin: user/password@host */
    private static final Pattern ORACLE = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:\\s]+/)([^@\\s]*)(@)");

    private Redaction() {
    }

    /**
     * Returns a JDBC URL with its secrets masked.
     *
     * @param jdbcUrl the URL, or null
     * @return the URL with every secret value replaced by {@link #MASK}; null for null
     */
    public static String url(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String s = replace(URL_PARAMETER, jdbcUrl, m -> m.group(1) + MASK);
        s = replace(AUTHORITY, s, m -> m.group(1) + MASK + m.group(3));
        return replace(ORACLE, s, m -> m.group(1) + MASK + m.group(3));
    }

    /**
     * Returns a copy of connection properties with secret values masked, sorted by key so that it
     * prints the same way every time.
     *
     * @param properties the properties, such as a {@link java.util.Properties}; keys and values are
     *                   turned into strings
     * @return a new sorted map; secret values are {@link #MASK}
     * @throws NullPointerException if {@code properties} is null
     */
    public static Map<String, String> properties(Map<?, ?> properties) {
        Objects.requireNonNull(properties, "properties");
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> {
            String key = String.valueOf(k);
            out.put(key, isSensitiveKey(key) ? MASK : url(String.valueOf(v)));
        });
        return out;
    }

    /**
     * Tells whether a property or parameter key names a secret (see the class comment).
     *
     * @param key the key
     * @return true if its value must be masked
     */
    public static boolean isSensitiveKey(String key) {
        return key != null && SENSITIVE_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * Returns a free text (an exception message, a log line) with URLs' secrets masked and every
     * occurrence of the given literal secrets replaced by {@link #MASK}.
     *
     * @param text    the text, or null
     * @param secrets literal secrets to hide, such as the configured password; null entries and
     *                entries shorter than {@link #MIN_LITERAL_LENGTH} are ignored
     * @return the cleaned text; null for null
     */
    public static String text(String text, Iterable<String> secrets) {
        if (text == null) {
            return null;
        }
        String s = url(text);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_LITERAL_LENGTH) {
                s = s.replace(secret, MASK);
            }
        }
        return s;
    }

    private static String replace(Pattern pattern, String input, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(input);
        if (!m.find()) {
            return input;
        }
        StringBuilder sb = new StringBuilder(input.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
