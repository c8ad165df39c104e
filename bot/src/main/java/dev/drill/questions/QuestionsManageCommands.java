package dev.drill.questions;

import dev.drill.content.Question;
import dev.drill.discord.Access;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.springframework.stereotype.Component;

/** {@code /drill-admin questions list | remove | next}. */
@DiscordEdge
final class QuestionsManageCommands {

    static final String PAGE = "page";
    static final String LIST_BUTTON = "own-list";

    private QuestionsManageCommands() {}

    /** {@code list [page]}: ten at a time, with Previous / Next buttons. */
    @Component
    static final class ListCommand extends QuestionsSubcommand {

        private final OwnQuestions questions;

        ListCommand(OwnQuestions questions) {
            this.questions = questions;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("list", "List the server's own questions, ten a page")
                    .addOptions(new OptionData(OptionType.INTEGER, PAGE, "Which page (default 1)").setMinValue(1));
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            int page = event.getOption(PAGE, 1, OptionMapping::getAsInt);
            OwnQuestions.Page shown = questions.list(event.getGuild().getIdLong(), page);
            event.getHook()
                    .sendMessage(new MessageCreateBuilder()
                            .setEmbeds(render(shown))
                            .setComponents(buttons(shown))
                            .build())
                    .setEphemeral(true)
                    .queue();
        }
    }

    /** The Previous / Next buttons of the list; they edit the list in place. */
    @Component
    static final class ListButton implements ButtonHandler {

        private final OwnQuestions questions;

        ListButton(OwnQuestions questions) {
            this.questions = questions;
        }

        @Override
        public String prefix() {
            return LIST_BUTTON;
        }

        @Override
        public Access access() {
            return Access.MANAGE_SERVER;
        }

        @Override
        public void onButton(ButtonInteractionEvent event, List<String> args) {
            int page = args.isEmpty() ? 1 : parse(args.get(0));
            long guild = event.getGuild().getIdLong();
            // Acknowledged as an edit at once; the page is read from Redis off the gateway thread.
            event.deferEdit().queue();
            CompletableFuture.supplyAsync(() -> questions.list(guild, page))
                    .thenAccept(shown -> event.getHook()
                            .editOriginal(MessageEditData.fromCreateData(new MessageCreateBuilder()
                                    .setEmbeds(render(shown))
                                    .setComponents(buttons(shown))
                                    .build()))
                            .queue())
                    .exceptionally(e -> {
                        Replies.ephemeral(event, Replies.INTERNAL_ERROR);
                        return null;
                    });
        }

        private static int parse(String page) {
            try {
                return Integer.parseInt(page);
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    static MessageEmbed render(OwnQuestions.Page page) {
        if (page.total() == 0) {
            return Replies.embed()
                    .setTitle("Your own questions")
                    .setDescription("None yet: `/drill-admin questions add` or `/drill-admin questions import`.")
                    .build();
        }
        StringBuilder lines = new StringBuilder();
        for (Question q : page.questions()) {
            lines.append("`")
                    .append(q.id())
                    .append("` · ")
                    .append(q.level().id())
                    .append(q.suggestedBy() != 0 ? " · suggested by <@" + q.suggestedBy() + ">" : "")
                    .append("\n")
                    .append(Replies.fit(q.prompt().replaceAll("\\s+", " "), 280))
                    .append("\n");
        }
        return Replies.embed()
                .setTitle("Your own questions · page " + page.page() + " of " + page.pages())
                .setDescription(Replies.fit(lines.toString().strip(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setFooter(page.total() + (page.total() == 1 ? " question" : " questions"))
                .build();
    }

    static ActionRow buttons(OwnQuestions.Page page) {
        return ActionRow.of(
                Button.secondary(ButtonHandler.customId(LIST_BUTTON, page.page() - 1), "Previous")
                        .withDisabled(page.page() <= 1),
                Button.secondary(ButtonHandler.customId(LIST_BUTTON, page.page() + 1), "Next")
                        .withDisabled(page.page() >= page.pages()));
    }

    /** {@code remove question:<id>}. */
    @Component
    static final class RemoveCommand extends QuestionsSubcommand {

        private final OwnQuestions questions;

        RemoveCommand(OwnQuestions questions) {
            this.questions = questions;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("remove", "Remove one of the server's own questions")
                    .addOptions(new OptionData(OptionType.STRING, QUESTION, "The question's id, e.g. own-3", true)
                            .setMaxLength(80));
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            String id =
                    event.getOption(QUESTION, "", OptionMapping::getAsString).strip();
            if (questions.remove(event.getGuild().getIdLong(), id)) {
                Replies.ephemeral(event, "Removed `" + id + "`. Past rounds keep their recaps.");
            } else {
                Replies.ephemeral(
                        event,
                        "This server has no own question " + Replies.quote(id)
                                + "; `/drill-admin questions list` shows their ids.");
            }
        }
    }

    /** {@code next question:<id>}: the next round asks it, from the bank or the server's own. */
    @Component
    static final class NextCommand extends QuestionsSubcommand {

        private final OwnQuestions questions;

        NextCommand(OwnQuestions questions) {
            this.questions = questions;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("next", "Choose the next round's question (the bank's or your own)")
                    .addOptions(
                            new OptionData(OptionType.STRING, QUESTION, "The question's id", true).setMaxLength(80));
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            String id =
                    event.getOption(QUESTION, "", OptionMapping::getAsString).strip();
            questions
                    .pinNext(event.getGuild().getIdLong(), id)
                    .ifPresentOrElse(
                            q -> Replies.ephemeral(
                                    event,
                                    "The next round asks `" + q.id() + "` ("
                                            + q.level().id() + "): "
                                            + Replies.fit(q.prompt().replaceAll("\\s+", " "), 200)),
                            () -> Replies.ephemeral(
                                    event,
                                    "No question has the id " + Replies.quote(id)
                                            + ": use a bank question's id or one from `/drill-admin questions list`."));
        }
    }
}
