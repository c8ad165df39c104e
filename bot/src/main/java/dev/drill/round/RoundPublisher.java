package dev.drill.round;

import dev.drill.content.Question;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the round feature needs from Discord: post a question with its thread, and close a round. Each request
 * returns a future (no thread waits for Discord during a rush); a refusal retrying cannot heal fails it with
 * {@link ChannelUnavailable}.
 */
public interface RoundPublisher {

    /**
     * Whether Discord is connected and ready. Until it is, the scheduler leaves due rounds waiting: a guild
     * must not be paused, or a round closed without its recap, because the bot itself is still logging in.
     */
    boolean ready();

    /**
     * Whether this process runs the shard of the guild. Only the owner schedules a guild: for any other, the
     * guild is simply not here, which must not pause it or close its round.
     */
    boolean owns(long guild);

    /**
     * The round's own post, if an earlier attempt made it: found in the channel's recent messages by the
     * marker every question post carries (its How did I do? button names the round's date).
     */
    CompletableFuture<Optional<Long>> findPost(Post post);

    /** Posts the question, with the nonce so that a retry within Discord's nonce window cannot post twice. */
    CompletableFuture<Long> post(Post post);

    /**
     * Starts the answer thread from the posted question, or finds the one an earlier attempt started (a
     * thread started from a message has the message's id). A question that can never get its thread is
     * taken down, so nobody answers where nothing counts.
     */
    CompletableFuture<Long> startThread(Post post, long message);

    /** Locks the thread, posts the recap in it and a one-line link to it in the channel. */
    CompletableFuture<Void> close(Closing closing);

    record Post(
            long guild,
            long channel,
            long pingRole,
            String nonce,
            Question question,
            String date,
            Instant closes,
            boolean late) {}

    record Closing(long guild, long channel, long thread, String nonce, Recap recap) {}

    /**
     * Discord will not take the post there any more (the bot left, the channel is gone, a permission was
     * removed): retrying cannot help, so the guild is paused with this reason.
     */
    final class ChannelUnavailable extends RuntimeException {
        public ChannelUnavailable(String reason) {
            super(reason);
        }
    }
}
