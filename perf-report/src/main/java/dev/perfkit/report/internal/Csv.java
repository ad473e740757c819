package dev.perfkit.report.internal;

import java.util.List;

/**
 * Builds CSV text as RFC 4180 says: records end with CRLF; a field that holds a comma, a double
 * quote, a CR or an LF is enclosed in double quotes, with inner double quotes doubled.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    /**
     * Appends one record.
     *
     * @param fields the fields; a null field is written as an empty one
     * @return this builder
     */
    public Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quote(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    /**
     * Appends one record.
     *
     * @param fields the fields
     * @return this builder
     */
    public Csv row(String... fields) {
        return row(List.of(fields));
    }

    /** Returns the text so far. */
    public String text() {
        return text.toString();
    }

    /**
     * Quotes one field if it needs it.
     *
     * @param field the field, or null for an empty field
     * @return the field as it goes into the file
     */
    public static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needs = false;
        for (int i = 0; i < field.length() && !needs; i++) {
            char c = field.charAt(i);
            needs = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
