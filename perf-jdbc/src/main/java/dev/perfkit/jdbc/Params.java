package dev.perfkit.jdbc;

import dev.perfkit.core.Feeder;
import dev.perfkit.core.Session;
import dev.perfkit.core.SessionKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Computes the values of a statement's {@code ?} parameters for one call, in order, from the
 * calling user's {@link Session}: its variables, its random source, or a {@link Feeder}.
 *
 * <pre>{@code
 * Params.of(42)                                            // constants
 * Params.fromSession(USER_ID)                              // session variables
 * Params.fromFeeder(accounts, "id", "status")              // columns of the next CSV record
 * session -> new Object[] {session.random().nextLong(1, 1001)}  // anything
 * }</pre>
 *
 * <p>Values are bound with {@link java.sql.PreparedStatement#setObject(int, Object)}, nulls with
 * {@code setNull}; use the Java types your driver maps ({@code Long}, {@code String},
 * {@code BigDecimal}, {@code java.time.LocalDateTime}...). One instance is shared by every virtual
 * user of a statement, so it must be thread-safe; it is called on the calling user's thread.
 * A {@link dev.perfkit.core.FeederExhaustedException} it throws goes through unchanged, so the run
 * stops as the engine intends.
 */
@FunctionalInterface
public interface Params {

    /**
     * Returns the parameter values for one call.
     *
     * @param session the calling user's session
     * @return the values, one per {@code ?} in order; never null (return an empty array for none)
     */
    Object[] values(Session session);

    /** Returns parameters for a statement that has none. */
    static Params none() {
        Object[] empty = new Object[0];
        return session -> empty;
    }

    /**
     * Returns the same values for every call.
     *
     * @param values the values, nulls allowed; copied
     * @return the parameters
     */
    static Params of(Object... values) {
        Object[] copy = Arrays.copyOf(Objects.requireNonNull(values, "values"), values.length);
        return session -> copy.clone();
    }

    /**
     * Returns the values of session variables, in the order of the keys.
     *
     * @param keys the variables; each must be set when the statement runs
     * @return the parameters; a call throws {@link NoSuchElementException} naming a variable that is not set
     */
    static Params fromSession(SessionKey<?>... keys) {
        List<SessionKey<?>> copy = List.of(keys);
        return session -> {
            Object[] values = new Object[copy.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = session.get(copy.get(i));
            }
            return values;
        };
    }

    /**
     * Returns columns of the next record of a feeder of maps, such as the rows of a CSV file
     * read by {@link dev.perfkit.core.CsvRecords}: each call takes one record.
     *
     * @param feeder  the feeder
     * @param columns the columns to bind, in order
     * @return the parameters; a call throws {@link NoSuchElementException} naming a missing column
     */
    static Params fromFeeder(Feeder<? extends Map<String, ?>> feeder, String... columns) {
        Objects.requireNonNull(feeder, "feeder");
        List<String> copy = List.of(columns);
        return session -> {
            Map<String, ?> record = session.feed(feeder);
            Object[] values = new Object[copy.size()];
            for (int i = 0; i < values.length; i++) {
                String column = copy.get(i);
                if (!record.containsKey(column)) {
                    throw new NoSuchElementException("feeder '" + feeder.name() + "': record has no column '" + column + "'");
                }
                values[i] = record.get(column);
            }
            return values;
        };
    }

    /**
     * Returns values computed from the next record of a feeder: each call takes one record.
     *
     * @param feeder  the feeder
     * @param mapping turns a record into the values
     * @param <T>     the record type
     * @return the parameters
     */
    static <T> Params fromFeeder(Feeder<T> feeder, Function<? super T, Object[]> mapping) {
        Objects.requireNonNull(feeder, "feeder");
        Objects.requireNonNull(mapping, "mapping");
        return session -> mapping.apply(session.feed(feeder));
    }
}
