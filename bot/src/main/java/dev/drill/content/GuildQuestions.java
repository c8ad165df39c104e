package dev.drill.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The questions a guild's rounds can use: the bank's and the guild's own, as the guild's source setting says.
 * The one lookup by id for a round's question, whichever it came from.
 */
@Service
public final class GuildQuestions {

    private final QuestionBank bank;
    private final GuildQuestionStore own;

    public GuildQuestions(QuestionBank bank, GuildQuestionStore own) {
        this.bank = bank;
        this.own = own;
    }

    /** A question of the bank, or of the guild's own (a round of a question since removed finds nothing). */
    public Optional<Question> byId(long guild, String id) {
        Optional<Question> fromBank = bank.byId(id);
        return fromBank.isPresent() ? fromBank : own.find(guild, id);
    }

    /**
     * The questions of a level the guild's rounds draw from. With {@code own} as the source and no own question
     * of any of the guild's levels, the bank's: a round is never missed for want of questions.
     */
    public List<Question> pool(long guild, Level level, List<Level> guildLevels) {
        QuestionSource source = own.source(guild);
        if (source == QuestionSource.BANK) {
            return bank.byLevel(level);
        }
        List<Question> owned = own.all(guild);
        List<Question> pool = new ArrayList<>();
        if (source == QuestionSource.BOTH || owned.stream().noneMatch(q -> guildLevels.contains(q.level()))) {
            pool.addAll(bank.byLevel(level));
        }
        owned.stream().filter(q -> q.level() == level).forEach(pool::add);
        return pool;
    }

    /** The question pinned for the next round, taken (once) for the round opening now. */
    public Optional<Question> takePinned(long guild) {
        return own.takePin(guild).flatMap(id -> byId(guild, id));
    }
}
