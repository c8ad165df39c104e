package dev.drill.pair;

import dev.drill.discord.ButtonHandler;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import org.springframework.stereotype.Component;

/**
 * The Interviewer card button of a pair's thread: shows the member who presses it, privately, the question
 * they ask their partner, the key points to listen for and the follow-ups; refused to anyone else.
 */
@Component
final class PairCardButton implements ButtonHandler {

    private final PairService pairs;

    PairCardButton(PairService pairs) {
        this.pairs = pairs;
    }

    @Override
    public String prefix() {
        return PairRenderer.CARD_BUTTON;
    }

    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        int index;
        try {
            index = Integer.parseInt(args.get(1));
        } catch (RuntimeException e) {
            Replies.ephemeral(event, "This card button is not one I know. Nothing was shown.");
            return;
        }
        PairService.Card card = pairs.card(
                event.getGuild().getIdLong(),
                args.get(0),
                index,
                event.getUser().getIdLong());
        switch (card.kind()) {
            case UNKNOWN -> Replies.ephemeral(event, "I no longer know this pair's cards. Nothing was shown.");
            case NOT_YOURS ->
                Replies.ephemeral(event, "This card is for the members of this pair only: each sees their own.");
            case YOURS -> {
                if (card.question().isEmpty()) {
                    Replies.ephemeral(
                            event,
                            "You interview <@" + card.partner() + ">, but your question is no longer in the bank:"
                                    + " pick one with `/drill practice`.");
                    return;
                }
                event.getHook()
                        .sendMessageEmbeds(PairRenderer.card(
                                card.partner(), card.question().get()))
                        .setEphemeral(true)
                        .queue();
            }
        }
    }
}
