package dev.drill.round;

import dev.drill.content.GuildQuestions;
import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.guild.GuildSettings;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which question a guild gets next: the pinned one if an admin chose it, else its levels in rotation, each
 * level's questions (the bank's, the guild's own, or both) in an order of the guild's own, none asked twice in
 * a cycle.
 */
@Component
public final class QuestionPicker {

    private final GuildQuestions questions;
    private final Rotation rotation;

    public QuestionPicker(GuildQuestions questions, Rotation rotation) {
        this.questions = questions;
        this.rotation = rotation;
    }

    /**
     * The question of the guild's round of {@code date}: its level is the round's step of the rotation (the
     * same for a retried opening), its question the first of that level not asked in the current cycle.
     */
    public Question pick(GuildSettings settings, String date) {
        long guild = settings.guild();
        List<Level> levels = settings.levels();
        long step = rotation.stepFor(guild, date);
        // An admin's pick for this round (/drill-admin questions next) comes first, and counts as asked.
        Question pinned = questions.takePinned(guild).orElse(null);
        if (pinned != null) {
            rotation.markAsked(guild, pinned.level().id(), pinned.id());
            return pinned;
        }
        for (int attempt = 0; attempt < levels.size(); attempt++) {
            Level level = levels.get((int) Math.floorMod(step + attempt, levels.size()));
            List<Question> pool = order(guild, questions.pool(guild, level, levels));
            if (pool.isEmpty()) {
                continue;
            }
            Set<String> asked = rotation.asked(guild, level.id());
            Question next = pool.stream()
                    .filter(q -> !asked.contains(q.id()))
                    .findFirst()
                    .orElse(null);
            if (next == null) {
                rotation.resetAsked(guild, level.id());
                next = pool.get(0);
            }
            rotation.markAsked(guild, level.id(), next.id());
            return next;
        }
        throw new IllegalStateException("the question bank has no question for levels " + levels);
    }

    /** A fixed order per guild, so two guilds do not get the same question on the same day. */
    static List<Question> order(long guild, List<Question> questions) {
        return questions.stream()
                .sorted(Comparator.comparingLong(q -> mix(guild * 31 + q.id().hashCode())))
                .toList();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
