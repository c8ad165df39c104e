package dev.drill.reminder;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.DiscordGateway;
import dev.drill.discord.DiscordPacer;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.springframework.stereotype.Component;

/** Posts the reminder in a round's thread through JDA. */
@DiscordEdge
@Component
class ReminderPoster {

    private final DiscordGateway gateway;
    private final DiscordPacer pacer;

    ReminderPoster(DiscordGateway gateway, DiscordPacer pacer) {
        this.gateway = gateway;
        this.pacer = pacer;
    }

    /** @param role the role to ping, or 0 for no ping at all */
    record Reminder(long guild, long thread, String nonce, Instant closes, int answers, long role) {}

    void remind(Reminder reminder) {
        ThreadChannel thread = gateway.thread(reminder.thread());
        if (thread == null) {
            // The thread is gone (deleted by a moderator): nothing to remind, and retrying will not bring it back.
            return;
        }
        pacer.complete(() -> thread.sendMessage(render(reminder)).setNonce(reminder.nonce()));
    }

    static MessageCreateData render(Reminder reminder) {
        String text = "⏰ This round closes "
                + TimeFormat.RELATIVE.format(reminder.closes().toEpochMilli()) + "; " + reminder.answers()
                + (reminder.answers() == 1 ? " answer" : " answers") + " so far.";
        MessageCreateBuilder message = new MessageCreateBuilder();
        if (reminder.role() != 0) {
            // The one deliberate ping: the configured role, nobody else.
            return message.setContent("<@&" + reminder.role() + "> " + text)
                    .setAllowedMentions(List.of())
                    .mentionRoles(reminder.role())
                    .build();
        }
        return message.setContent(text).setAllowedMentions(List.of()).build();
    }
}
