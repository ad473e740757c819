package dev.perfkit.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One shard of a merge ({@link ShardMerge}): where its output was looked for, what became of it and
 * why. Immutable.
 *
 * @param index  the shard's position, 0-based, in the order the outputs were given; shards beyond
 *               the given outputs (expected but not given) follow
 * @param source the folder or file given for the shard, or {@code "(not given)"}
 * @param status what became of the shard
 * @param reason why, in words: empty for {@link ShardStatus#OK}
 * @param start  the shard's run start, empty when its result could not be read
 */
public record ShardOutcome(int index, String source, ShardStatus status, String reason, Optional<Instant> start) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException     if a field is null
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public ShardOutcome {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(start, "start");
        if (index < 0) {
            throw new IllegalArgumentException("shardOutcome: index must be >= 0, was " + index);
        }
    }

    /** Returns whether the shard's measurements are part of the merged result (OK or INCOMPLETE). */
    public boolean merged() {
        return status == ShardStatus.OK || status == ShardStatus.INCOMPLETE;
    }

    /** Returns a one-line description, for example {@code shard 2 MISSING: shard-2 does not exist}. */
    public String describe() {
        return "shard " + index + " " + status + (reason.isEmpty() ? "" : ": " + reason);
    }
}
