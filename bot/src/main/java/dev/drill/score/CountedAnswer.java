package dev.drill.score;

/** A counted answer of a round, for the recap: where it is, who wrote it and its valid 👍 votes. */
public record CountedAnswer(long messageId, long memberId, String name, int votes) {

    public CountedAnswer {
        name = name == null ? "" : name;
    }
}
