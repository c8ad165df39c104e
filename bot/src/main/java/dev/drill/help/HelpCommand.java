package dev.drill.help;

import dev.drill.discord.CommandNames;
import dev.drill.discord.CommandRegistry;
import dev.drill.discord.Replies;
import dev.drill.discord.SlashCommand;
import dev.drill.score.PointsRules;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code /drill help}: what Drill does and every command, answered to the asker only. */
@Component
final class HelpCommand implements SlashCommand {

    private final ObjectProvider<CommandRegistry> registry;

    private final PointsRules rules;

    HelpCommand(ObjectProvider<CommandRegistry> registry, PointsRules rules) {
        // Lazy: the registry is built from every command, this one included.
        this.registry = registry;
        this.rules = rules;
    }

    @Override
    public String parent() {
        return CommandNames.DRILL;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData("help", "What Drill does and how to use it");
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        Replies.ephemeral(event, render(registry.getObject(), rules));
    }

    static MessageEmbed render(CommandRegistry registry, PointsRules rules) {
        return Replies.embed()
                .setTitle("Drill: daily backend interview practice")
                .setDescription("On the days your team chose, Drill posts one backend interview question in the"
                        + " practice channel and opens a thread. Answer in the thread (one real answer, "
                        + rules.minAnswerChars()
                        + "+ characters); react 👍 to the answers you like. When the round closes, Drill posts a"
                        + " recap with a model answer, the best-voted answers and the leaderboard.")
                .addField("Commands", list(registry, CommandNames.DRILL), false)
                .addField("For admins (Manage Server)", list(registry, CommandNames.ADMIN), false)
                .addField("Points", rules.summary(), false)
                .build();
    }

    private static String list(CommandRegistry registry, String parent) {
        String lines = registry.slashCommands(parent).stream()
                .map(c -> "`/" + parent + " " + c.fullName() + "` "
                        + c.definition().getDescription())
                .collect(Collectors.joining("\n"));
        return Replies.fit(lines.isEmpty() ? "-" : lines, MessageEmbed.VALUE_MAX_LENGTH);
    }
}
