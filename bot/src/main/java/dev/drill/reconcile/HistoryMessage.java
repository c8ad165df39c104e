package dev.drill.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * One message of a round's thread as Discord has it now, with what catching up needs.
 *
 * @param editedAt when it was last edited, {@link Instant#EPOCH} if never
 * @param thumbsUp the members (not bots) whose 👍 is on it
 * @param awardOf for the bot's own best-answer note, the message it awards; 0 otherwise
 */
public record HistoryMessage(
        long id,
        long authorId,
        String authorName,
        boolean fromBot,
        String content,
        Instant editedAt,
        List<Long> thumbsUp,
        long awardOf) {

    public HistoryMessage {
        thumbsUp = List.copyOf(thumbsUp);
        content = content == null ? "" : content;
    }
}
