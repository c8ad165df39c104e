package dev.drill.score;

import java.util.OptionalLong;

/**
 * What {@code /drill stats} shows about one member.
 *
 * @param currentStreak 0 once the member missed the guild's latest closed round
 * @param allTimeRank 1-based, empty when the member has no points
 * @param votes valid 👍 received on counted answers
 * @param awards best-answer awards
 */
public record MemberStats(
        long memberId,
        String name,
        long weekPoints,
        long monthPoints,
        long allTimePoints,
        int answers,
        int currentStreak,
        int bestStreak,
        OptionalLong allTimeRank,
        int votes,
        int awards) {

    public MemberStats {
        name = name == null ? "" : name;
    }
}
