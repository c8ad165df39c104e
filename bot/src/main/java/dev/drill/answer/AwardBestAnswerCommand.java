package dev.drill.answer;

import dev.drill.discord.Access;
import dev.drill.discord.MessageCommand;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import org.springframework.stereotype.Component;

/**
 * "Award best answer" on a message's Apps menu: a moderator gives a round's counted answer the best-answer
 * bonus, once per round, while the round is open or after it closed.
 */
@Component
final class AwardBestAnswerCommand implements MessageCommand {

    static final String NAME = "Award best answer";
    static final String NOT_AN_ANSWER = "That message is not a counted answer of a Drill round.";
    static final String ALREADY_AWARDED = "This round already has a best answer.";
    static final String AWARDED = "Done: that answer is this round's best answer.";
    static final String OWN_ANSWER = "You cannot award your own answer; ask another moderator.";

    private final AnswerService answers;

    AwardBestAnswerCommand(AnswerService answers) {
        this.answers = answers;
    }

    /** Reads and writes Redis (and may check the reviewer role there): acknowledged at once. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    /** Manage Server, or the reviewer role an admin chose (Discord's menu shows it to them once allowed there). */
    @Override
    public Access access() {
        return Access.REVIEWER;
    }

    @Override
    public CommandData definition() {
        return Commands.message(NAME)
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    @Override
    public void onCommand(MessageContextInteractionEvent event) {
        Message target = event.getTarget();
        AwardOutcome outcome = answers.awardBest(
                event.getGuild().getIdLong(),
                target.getChannelIdLong(),
                target.getIdLong(),
                target.getAuthor().getIdLong(),
                event.getUser().getIdLong());
        switch (outcome) {
            case OWN_ANSWER -> Replies.ephemeral(event, OWN_ANSWER);
            case NOT_AN_ANSWER -> Replies.ephemeral(event, NOT_AN_ANSWER);
            case ALREADY_AWARDED -> Replies.ephemeral(event, ALREADY_AWARDED);
            case AWARDED -> {
                Replies.ephemeral(event, AWARDED);
                target.reply(publicNote(authorName(target)))
                        .mentionRepliedUser(false)
                        .queue();
            }
        }
    }

    /** Who wrote the answer: for one the bot posted from the Answer button's form, the name on its embed. */
    private static String authorName(Message target) {
        boolean posted =
                target.getAuthor().getIdLong() == target.getJDA().getSelfUser().getIdLong()
                        && !target.getEmbeds().isEmpty()
                        && target.getEmbeds().get(0).getAuthor() != null
                        && target.getEmbeds().get(0).getAuthor().getName() != null;
        return posted
                ? target.getEmbeds().get(0).getAuthor().getName()
                : target.getAuthor().getEffectiveName();
    }

    static String publicNote(String authorName) {
        String name = MarkdownSanitizer.escape(Replies.fit(authorName, 32));
        return "🏅 Best answer of this round, by " + name + " (chosen by a moderator).";
    }
}
