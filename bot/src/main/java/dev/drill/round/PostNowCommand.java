package dev.drill.round;

import dev.drill.discord.Admins;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.SlashCommand;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/** {@code /drill-admin post-now} and {@code /drill-admin skip}: run the round by hand. */
final class PostNowCommand {

    private PostNowCommand() {}

    @Component
    static final class PostNow implements SlashCommand {
        private final RoundService rounds;

        PostNow(RoundService rounds) {
            this.rounds = rounds;
        }

        @Override
        public String parent() {
            return CommandNames.ADMIN;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("post-now", "Post today's question now (closes the open round)");
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            if (Admins.check(event)) {
                // Posting waits on Discord; acknowledge within the 3 seconds Discord allows.
                long guild = event.getGuild().getIdLong();
                // Posting waits on Discord: acknowledge within Discord's 3 seconds, work off the event thread.
                event.deferReply(true).queue();
                CompletableFuture.supplyAsync(() -> rounds.postNow(guild).message())
                        .exceptionally(e -> Replies.INTERNAL_ERROR)
                        .thenAccept(message -> Replies.ephemeral(event, message));
            }
        }
    }

    @Component
    static final class Skip implements SlashCommand {
        private final RoundService rounds;

        Skip(RoundService rounds) {
            this.rounds = rounds;
        }

        @Override
        public String parent() {
            return CommandNames.ADMIN;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("skip", "Close the open round without scoring it");
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            if (Admins.check(event)) {
                long guild = event.getGuild().getIdLong();
                event.deferReply(true).queue();
                CompletableFuture.supplyAsync(() -> rounds.skip(guild).message())
                        .exceptionally(e -> Replies.INTERNAL_ERROR)
                        .thenAccept(message -> Replies.ephemeral(event, message));
            }
        }
    }
}
