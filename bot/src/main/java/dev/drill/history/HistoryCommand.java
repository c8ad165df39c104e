package dev.drill.history;

import dev.drill.content.Level;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.CommandNames;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill history [page] [level] [topic]}: past rounds ten a page with Previous / Next; {@code question:<id>}
 * shows when the team had that question. Answered privately.
 */
@Component
final class HistoryCommand implements SlashCommand {

    static final String PAGE = "page";
    static final String LEVEL = "level";
    static final String TOPIC = "topic";
    static final String QUESTION = "question";
    static final String BUTTON = "history";
    /** In a button's id for "no filter" (an empty part would vanish when the id is split). */
    static final String ANY = "-";

    private final HistoryService history;

    HistoryCommand(HistoryService history) {
        this.history = history;
    }

    @Override
    public String parent() {
        return CommandNames.DRILL;
    }

    @Override
    public SubcommandData definition() {
        OptionData level = new OptionData(OptionType.STRING, LEVEL, "Only rounds of this level").setMaxLength(12);
        for (Level each : Level.values()) {
            level.addChoice(each.id(), each.id());
        }
        return new SubcommandData("history", "Past rounds: question, participants, best answer, thread")
                .addOptions(
                        new OptionData(OptionType.INTEGER, PAGE, "Which page (default 1)").setMinValue(1),
                        level,
                        new OptionData(OptionType.STRING, TOPIC, "Only rounds of this topic, e.g. caching")
                                .setMaxLength(40),
                        new OptionData(OptionType.STRING, QUESTION, "When the team had this question (its id)")
                                .setMaxLength(80));
    }

    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        String question = event.getOption(QUESTION, null, OptionMapping::getAsString);
        if (question != null) {
            String id = question.strip();
            List<HistoryService.Entry> rounds = history.ofQuestion(guild, id);
            Replies.ephemeral(event, HistoryRenderer.question(guild, id, history.question(guild, id), rounds));
            return;
        }
        Optional<Level> level = Optional.ofNullable(event.getOption(LEVEL, null, OptionMapping::getAsString))
                .flatMap(Level::parse);
        Optional<String> topic = Optional.ofNullable(event.getOption(TOPIC, null, OptionMapping::getAsString))
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty());
        if (topic.isPresent() && !topic.get().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            Replies.ephemeral(
                    event,
                    Replies.quote(topic.get()) + " is not a topic: topics are lowercase-with-dashes, e.g. caching.");
            return;
        }
        int page = event.getOption(PAGE, 1, OptionMapping::getAsInt);
        event.getHook()
                .sendMessage(message(guild, history.page(guild, page, level, topic), level, topic))
                .setEphemeral(true)
                .queue();
    }

    static MessageCreateData message(
            long guild, HistoryService.Page page, Optional<Level> level, Optional<String> topic) {
        String levelId = level.map(Level::id).orElse(ANY);
        String topicId = topic.orElse(ANY);
        return new MessageCreateBuilder()
                .setEmbeds(HistoryRenderer.page(guild, page, level, topic))
                .setComponents(ActionRow.of(
                        Button.secondary(ButtonHandler.customId(BUTTON, page.page() - 1, levelId, topicId), "Previous")
                                .withDisabled(page.page() <= 1),
                        Button.secondary(ButtonHandler.customId(BUTTON, page.page() + 1, levelId, topicId), "Next")
                                .withDisabled(page.page() >= page.pages())))
                .setAllowedMentions(List.of())
                .build();
    }

    /** Previous / Next: the page and the filters ride in the button's id; the list is edited in place. */
    @Component
    static final class Paging implements ButtonHandler {

        private final HistoryService history;

        Paging(HistoryService history) {
            this.history = history;
        }

        @Override
        public String prefix() {
            return BUTTON;
        }

        @Override
        public void onButton(ButtonInteractionEvent event, List<String> args) {
            long guild = event.getGuild().getIdLong();
            int page = args.isEmpty() ? 1 : parse(args.get(0));
            Optional<Level> level = args.size() > 1 ? Level.parse(args.get(1)) : Optional.empty();
            Optional<String> topic =
                    args.size() > 2 && !args.get(2).equals(ANY) ? Optional.of(args.get(2)) : Optional.empty();
            // Acknowledged as an edit at once; the rounds are read from Redis off the gateway thread.
            event.deferEdit().queue();
            CompletableFuture.supplyAsync(() -> history.page(guild, page, level, topic))
                    .thenAccept(shown -> event.getHook()
                            .editOriginal(MessageEditData.fromCreateData(message(guild, shown, level, topic)))
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

    /** Renders the history as embeds. Pure. */
    @DiscordEdge
    static final class HistoryRenderer {

        private HistoryRenderer() {}

        static MessageEmbed page(long guild, HistoryService.Page page, Optional<Level> level, Optional<String> topic) {
            String filter = level.map(l -> " · " + l.id()).orElse("")
                    + topic.map(t -> " · " + t).orElse("");
            var embed =
                    Replies.embed().setTitle("Past rounds" + filter + " · page " + page.page() + " of " + page.pages());
            if (page.entries().isEmpty()) {
                return embed.setDescription(
                                filter.isEmpty()
                                        ? "No round has closed yet."
                                        : "No past round matches; try without the level or topic.")
                        .build();
            }
            StringBuilder text = new StringBuilder();
            for (HistoryService.Entry entry : page.entries()) {
                text.append(line(guild, entry)).append("\n\n");
            }
            return embed.setDescription(Replies.fit(text.toString().strip(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                    .setFooter(page.total() + (page.total() == 1 ? " round" : " rounds"))
                    .build();
        }

        static MessageEmbed question(
                long guild,
                String id,
                Optional<dev.drill.content.Question> question,
                List<HistoryService.Entry> rounds) {
            var embed = Replies.embed().setTitle(Replies.fit("When we had " + id, MessageEmbed.TITLE_MAX_LENGTH));
            if (question.isEmpty() && rounds.isEmpty()) {
                return embed.setDescription("No question has the id " + Replies.quote(id) + ".")
                        .build();
            }
            StringBuilder text = new StringBuilder();
            question.ifPresent(q -> text.append("**")
                    .append(Replies.fit(q.prompt().replaceAll("\\s+", " "), 300))
                    .append("**\n\n"));
            if (rounds.isEmpty()) {
                text.append("The team has not had this question yet.");
            } else {
                text.append("Asked ").append(rounds.size()).append(rounds.size() == 1 ? " time:\n" : " times:\n");
                for (HistoryService.Entry entry : rounds) {
                    text.append("• ").append(summary(guild, entry)).append("\n");
                }
            }
            return embed.setDescription(Replies.fit(text.toString().strip(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                    .build();
        }

        private static String line(long guild, HistoryService.Entry entry) {
            String prompt = entry.question()
                    .map(q -> Replies.fit(q.prompt().replaceAll("\\s+", " "), 120))
                    .orElse("(question " + entry.round().questionId() + ", since removed)");
            return "**" + entry.round().date() + "** · `" + entry.round().questionId() + "` · "
                    + MarkdownSanitizer.escape(prompt) + "\n" + summary(guild, entry);
        }

        private static String summary(long guild, HistoryService.Entry entry) {
            String thread = "https://discord.com/channels/" + guild + "/"
                    + entry.round().threadId();
            if (entry.skipped()) {
                return entry.round().date() + ": skipped · [thread](" + thread + ")";
            }
            String best = entry.best()
                    .map(a -> "best: ["
                            + Replies.fit(
                                    MarkdownSanitizer.escape(a.name().isBlank() ? "member " + a.memberId() : a.name())
                                            .replace("]", "\\]"),
                                    40)
                            + "](" + thread + "/" + a.messageId() + ")")
                    .orElse("no best answer");
            return entry.round().date() + ": " + entry.participants()
                    + (entry.participants() == 1 ? " participant" : " participants") + " · " + best + " · [thread]("
                    + thread + ")";
        }
    }
}
