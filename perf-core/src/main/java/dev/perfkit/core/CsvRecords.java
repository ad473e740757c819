package dev.perfkit.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Reads test data from a CSV file into records for a {@link Feeder}, once, before the run.
 *
 * <pre>{@code
 * Feeder<Map<String, String>> users = Feeder.circular(CsvRecords.read(Path.of("users.csv")));
 * String email = users.next().get("email");
 * }</pre>
 *
 * <p>The format is RFC 4180: the first line is the header and names the columns; fields are
 * separated by commas; a field may be enclosed in double quotes, and then may contain commas,
 * line breaks and quotes written twice ({@code ""}). Lines end with CRLF or LF; a UTF-8 byte
 * order mark at the start is skipped. Two leniencies: empty lines are ignored anywhere (so a
 * trailing newline, or several, is fine; write {@code ""} for a record that is one empty field),
 * and a quote inside an unquoted field is taken literally ({@code 5'10"}). Fields are not trimmed.
 *
 * <p>Each record is an unmodifiable map from column name to value, in header order. The list
 * returned is unmodifiable, and a feeder built from it is named after the source. Errors name
 * the source and the line, such as {@code users.csv:7: expected 3 fields, found 2}.
 *
 * <p>Stateless and thread-safe; everything is read into memory, so it suits files of up to some
 * hundred thousand lines. Build the feeder before the run starts: reading is I/O.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * Reads all records of a UTF-8 CSV file.
     *
     * @param file the file; the path as given names the source in messages and feeders
     * @return the records in file order, each an unmodifiable map in header order; unmodifiable,
     *         empty if the file has only a header
     * @throws NullPointerException if {@code file} is null
     * @throws IllegalArgumentException if the file is empty or not valid CSV: a missing, empty or
     *         duplicate header name, a record with another number of fields than the header, an
     *         unterminated quoted field, or text after a closing quote
     * @throws UncheckedIOException if the file cannot be read or is not valid UTF-8
     */
    public static List<Map<String, String>> read(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read: " + e, e);
        }
    }

    /**
     * Reads all records from a reader, for data that does not come from a file (a classpath
     * resource, a string in a test). The reader is read to its end and not closed.
     *
     * @param reader the CSV text; buffering it is not needed
     * @param sourceName names the source in messages and feeders, such as {@code "users.csv"}
     * @return the records in input order, each an unmodifiable map in header order;
     *         unmodifiable, empty if the input has only a header
     * @throws NullPointerException if {@code reader} or {@code sourceName} is null
     * @throws IllegalArgumentException if the input is empty or not valid CSV, as for
     *         {@link #read(Path)}
     * @throws UncheckedIOException if reading fails
     */
    public static List<Map<String, String>> read(Reader reader, String sourceName) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        try {
            return new Parser(reader, sourceName).records();
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read: " + e, e);
        }
    }

    /** The list returned by {@code read}: unmodifiable, and it tells a feeder its default name. */
    static final class Records extends AbstractList<Map<String, String>> implements RandomAccess {
        private final String source;
        private final List<Map<String, String>> records;

        Records(String source, List<Map<String, String>> records) {
            this.source = source;
            this.records = List.copyOf(records);
        }

        String source() {
            return source;
        }

        @Override
        public Map<String, String> get(int index) {
            return records.get(index);
        }

        @Override
        public int size() {
            return records.size();
        }
    }

    /** A one-pass RFC 4180 reader that counts physical lines for its messages. */
    private static final class Parser {
        private final Reader in;
        private final String source;
        private final char[] buffer = new char[8192];
        private final StringBuilder field = new StringBuilder();
        private int position;
        private int limit;
        private boolean started;
        private boolean ended;
        private int previous;
        private int line = 1; // of the last character read; a line break moves it to the next line
        private int recordLine;

        Parser(Reader in, String source) {
            this.in = in;
            this.source = source;
        }

        List<Map<String, String>> records() throws IOException {
            List<String> header = nextRecord();
            if (header == null) {
                throw error(1, "empty file, expected a header line");
            }
            int headerLine = recordLine;
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (name.isBlank()) {
                    throw error(headerLine, "empty header name in column " + (i + 1));
                }
                Integer first = columns.putIfAbsent(name, i + 1);
                if (first != null) {
                    throw error(headerLine, "duplicate header name '" + name + "' in columns "
                            + first + " and " + (i + 1));
                }
            }
            List<Map<String, String>> records = new ArrayList<>();
            for (List<String> fields = nextRecord(); fields != null; fields = nextRecord()) {
                if (fields.size() != header.size()) {
                    throw error(recordLine, "expected " + header.size() + " fields, found " + fields.size());
                }
                Map<String, String> record = new LinkedHashMap<>(header.size() * 2);
                for (int i = 0; i < fields.size(); i++) {
                    record.put(header.get(i), fields.get(i));
                }
                records.add(Collections.unmodifiableMap(record));
            }
            return new Records(source, records);
        }

        /** Returns the fields of the next non-empty line, or null at the end of the input. */
        private List<String> nextRecord() throws IOException {
            int c = read();
            while (c == '\r' || c == '\n') {
                c = read();
            }
            if (c == -1) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            while (true) { // one field per turn; c is its first character
                field.setLength(0);
                if (c == '"') {
                    c = quotedField(fields.size() + 1);
                } else {
                    while (c != ',' && c != '\r' && c != '\n' && c != -1) {
                        field.append((char) c);
                        c = read();
                    }
                }
                fields.add(field.toString());
                if (c != ',') {
                    return fields; // at a line break or the end; the next call skips the break
                }
                c = read();
            }
        }

        /** Reads a quoted field after its opening quote; returns the character after it. */
        private int quotedField(int column) throws IOException {
            int openedOn = line;
            while (true) {
                int c = read();
                if (c == -1) {
                    throw error(openedOn, "unterminated quoted field in column " + column);
                }
                if (c == '"') {
                    c = read();
                    if (c != '"') {
                        if (c != ',' && c != '\r' && c != '\n' && c != -1) {
                            throw error(line, "unexpected character '" + (char) c
                                    + "' after the closing quote in column " + column);
                        }
                        return c;
                    }
                }
                field.append((char) c);
            }
        }

        /** Returns the next character, or -1 at the end; skips a leading BOM and counts lines. */
        private int read() throws IOException {
            while (position == limit) {
                if (ended) {
                    return -1;
                }
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    ended = true;
                    return -1;
                }
                position = 0;
                limit = n;
                if (!started && n > 0) {
                    started = true;
                    if (buffer[0] == '\uFEFF') {
                        position = 1;
                    }
                }
            }
            char c = buffer[position++];
            if (c == '\r' || (c == '\n' && previous != '\r')) {
                line++;
            }
            previous = c;
            return c;
        }

        private IllegalArgumentException error(int atLine, String message) {
            return new IllegalArgumentException(source + ":" + atLine + ": " + message);
        }
    }
}
