package dev.perfkit.report;

/**
 * What became of one shard when shard results were merged ({@link ShardMerge}).
 */
public enum ShardStatus {
    /** The shard's run completed; its measurements are in the merged result. */
    OK,
    /**
     * The shard's run ended early (stopped, hard maximum duration, aborted by a threshold rule);
     * what it measured is in the merged result, which is marked partial.
     */
    INCOMPLETE,
    /**
     * The shard's run failed (status FAILED or an error), or its result file could not be read; its
     * measurements are left out and the merged result is marked partial.
     */
    FAILED,
    /** No result was found for the shard; the merged result is marked partial. */
    MISSING
}
