package dev.perfkit.http.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets from text before it leaves the adapter: failure messages, log lines, the text of
 * samples and the {@code toString()} of requests, responses and configurations.
 *
 * <p>What counts as a secret:
 * <ul>
 *   <li>the values of the headers {@code Authorization}, {@code Proxy-Authorization},
 *       {@code Cookie} and {@code Set-Cookie}, and of any header added to the set;</li>
 *   <li>the values of query or form parameters whose name contains {@code password},
 *       {@code passwd}, {@code token} or {@code secret} (any case), or is in the set;</li>
 *   <li>the user information of a URL ({@code https://user:pass@host});</li>
 *   <li>the credentials after {@code Bearer} or {@code Basic}, and JSON string members whose name
 *       contains one of the words above.</li>
 * </ul>
 * Immutable and thread-safe. Free text is scanned with regular expressions, so redaction is meant
 * for the rare paths (failures, logs, {@code toString()}), not for every request.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "<redacted>";

    /** Headers whose values are always secret. */
    public static final Set<String> DEFAULT_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private static final String SECRET_WORDS = "password|passwd|token|secret";
    private static final Pattern DEFAULT_PARAMETER = Pattern.compile(".*(" + SECRET_WORDS + ").*", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]+@");
    private static final Pattern CREDENTIALS = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");

    private static final Redactor DEFAULTS = new Redactor(Set.of(), Set.of());

    private final Set<String> headers;
    private final Set<String> parameters;
    private final Pattern parameterInText;
    private final Pattern headerInText;
    private final Pattern jsonMember;

    /**
     * Creates a redactor.
     *
     * @param extraHeaders    more header names whose values are secret (any case)
     * @param extraParameters more query or form parameter names whose values are secret (any case)
     */
    public Redactor(Collection<String> extraHeaders, Collection<String> extraParameters) {
        this.headers = lowerCase(DEFAULT_HEADERS, extraHeaders);
        this.parameters = lowerCase(Set.of(), extraParameters);
        String extraNames = parameters.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        String parameterName = "[\\w.\\-\\[\\]]*(?:" + SECRET_WORDS + ")[\\w.\\-\\[\\]]*"
                + (extraNames.isEmpty() ? "" : "|" + extraNames);
        this.parameterInText = Pattern.compile("(?i)(?<![\\w.\\-])(" + parameterName + ")=([^&\\s\"',;#]*)");
        String headerNames = headers.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.headerInText = Pattern.compile("(?i)\\b(" + headerNames + ")(\\s*[:=]\\s*)([^\\r\\n]*)");
        this.jsonMember = Pattern.compile("(?i)(\"[^\"]*(?:" + SECRET_WORDS
                + (extraNames.isEmpty() ? "" : "|" + extraNames) + ")[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    }

    /** Returns the redactor with the default rules only (one shared immutable instance). */
    public static Redactor defaults() {
        return DEFAULTS;
    }

    private static Set<String> lowerCase(Set<String> base, Collection<String> extra) {
        Set<String> all = new TreeSet<>(base);
        for (String s : extra) {
            all.add(s.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(all);
    }

    /**
     * Returns whether a header's value is secret.
     *
     * @param name the header name, any case
     * @return true for the default secret headers and the configured ones
     */
    public boolean isSecretHeader(String name) {
        return headers.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Returns whether a query or form parameter's value is secret.
     *
     * @param name the parameter name, any case
     * @return true for names with a secret word and for the configured ones
     */
    public boolean isSecretParameter(String name) {
        return parameters.contains(name.toLowerCase(Locale.ROOT)) || DEFAULT_PARAMETER.matcher(name).matches();
    }

    /**
     * Returns a header value fit to show: the value itself, or {@link #MASK} for a secret header.
     *
     * @param name  the header name
     * @param value the value
     * @return the value to show
     */
    public String headerValue(String name, String value) {
        return isSecretHeader(name) ? MASK : text(value);
    }

    /**
     * Removes every secret that {@link Redactor} knows from free text: header lines, parameters,
     * URL user information, credentials and JSON members.
     *
     * @param text the text, or null
     * @return the text with secrets replaced by {@link #MASK}; null for null
     */
    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = replace(USER_INFO, text, "$1" + MASK + "@");
        s = replace(headerInText, s, "$1$2" + MASK);
        s = replace(CREDENTIALS, s, "$1 " + MASK);
        s = replace(parameterInText, s, "$1=" + MASK);
        return replace(jsonMember, s, "$1\"" + MASK + "\"");
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }
}
