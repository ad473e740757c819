package dev.perfkit.core;

import java.util.List;

/**
 * The failures of one category, with the distinct messages seen and how often.
 *
 * <p>Only the first {@link #MAX_MESSAGES} distinct messages of a category are kept per sample name;
 * later distinct messages are counted under {@link #OTHER_MESSAGES}, so a failure storm with unique
 * messages cannot exhaust memory.
 *
 * @param category the category, such as {@code "timeout"}
 * @param count    the failures in this category
 * @param messages the distinct messages with their counts, most frequent first
 */
public record FailureSummary(String category, long count, List<MessageCount> messages) {

    /** The most distinct messages kept per category and sample name. */
    public static final int MAX_MESSAGES = 10;
    /** The message under which further distinct messages are counted. */
    public static final String OTHER_MESSAGES = "(other messages)";
    /** The longest message kept; longer ones are cut. */
    public static final int MAX_MESSAGE_LENGTH = 300;

    /** Copies the message list. */
    public FailureSummary {
        messages = List.copyOf(messages);
    }

    /**
     * One distinct failure message.
     *
     * @param message the message
     * @param count   how often it was seen
     */
    public record MessageCount(String message, long count) {
    }
}
