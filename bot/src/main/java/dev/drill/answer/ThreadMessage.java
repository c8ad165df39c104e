package dev.drill.answer;

/**
 * A message in a thread, as the answer feature needs it: ids, who wrote it and its text. The text is only
 * measured, never stored.
 *
 * @param fromBot written by a bot or a webhook: never an answer
 */
public record ThreadMessage(
        long guild, long threadId, long messageId, long authorId, String authorName, boolean fromBot, String content) {

    public ThreadMessage {
        authorName = authorName == null ? "" : authorName;
        content = content == null ? "" : content;
    }
}
