package dev.drill.pair;

import java.util.List;

/**
 * One pair (or trio) of a week.
 *
 * @param index its place in the week's groups, part of its card button's id
 * @param members in the order of their turns: each interviews the next one (the last the first)
 * @param questions the question id each member asks, in the order of {@code members}
 * @param thread its private thread, or 0 before it was opened
 */
record PairGroup(String week, int index, List<Long> members, List<String> questions, long thread) {

    PairGroup {
        members = List.copyOf(members);
        questions = List.copyOf(questions);
    }

    /** The member {@code asker} interviews. */
    long partnerOf(long asker) {
        int i = members.indexOf(asker);
        return members.get((i + 1) % members.size());
    }

    /** The question id {@code asker} asks, or empty when none was found for them. */
    String questionOf(long asker) {
        int i = members.indexOf(asker);
        return i < questions.size() ? questions.get(i) : "";
    }

    boolean has(long member) {
        return members.contains(member);
    }
}
