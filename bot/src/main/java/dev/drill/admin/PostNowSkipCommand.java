package dev.drill.admin;

import dev.drill.discord.AdminAction;
import dev.drill.discord.Replies;
import dev.drill.discord.SlashCommand;
import dev.drill.round.RoundService;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /drill-admin post-now} and {@code /drill-admin skip}: run the round by hand. */
@Configuration(proxyBeanMethods = false)
class PostNowSkipCommand {

    private static final Logger log = LoggerFactory.getLogger(PostNowSkipCommand.class);

    @Bean
    SlashCommand postNowAdminAction(RoundService rounds) {
        return new AdminAction(
                "post-now", "Post today's question now (closes the open round)", event -> run(event, rounds::postNow));
    }

    @Bean
    SlashCommand skipAdminAction(RoundService rounds) {
        return new AdminAction("skip", "Close the open round without scoring it", event -> run(event, rounds::skip));
    }

    /** Posting waits on Discord: acknowledge within Discord's 3 seconds, and work off the event thread. */
    private static void run(SlashCommandInteractionEvent event, LongFunction<RoundService.Outcome> action) {
        long guild = event.getGuild().getIdLong();
        event.deferReply(true).queue();
        CompletableFuture.supplyAsync(() -> action.apply(guild).message())
                .exceptionally(e -> {
                    log.error("/drill-admin {} failed in guild {}", event.getSubcommandName(), guild, e);
                    return Replies.INTERNAL_ERROR;
                })
                .thenAccept(message -> Replies.ephemeral(event, message));
    }
}
