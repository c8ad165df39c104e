package dev.drill.score;

import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import dev.drill.picture.Picture;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill leaderboard [period]}: the top ten of this week (default), this month or all time, as an embed
 * (the text) and a picture of the board with each member's move since the previous week or month.
 */
@Component
final class LeaderboardCommand implements SlashCommand {

    static final String NAME = "leaderboard";
    static final String PERIOD = "period";
    static final String SEASON = "season";

    private final ScoreService scores;

    LeaderboardCommand(ScoreService scores) {
        this.scores = scores;
    }

    /** Reads Redis: acknowledged at once (publicly), answered when read. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PUBLIC;
    }

    @Override
    public String parent() {
        return CommandNames.DRILL;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData(NAME, "The top ten of this week, this month, all time or an archived season")
                .addOptions(new OptionData(OptionType.STRING, PERIOD, "Which board (default: this week)", false)
                        .addChoice("this week", BoardPeriod.WEEK.option())
                        .addChoice("this month", BoardPeriod.MONTH.option())
                        .addChoice("all time", BoardPeriod.ALL.option())
                        .setMaxLength(10))
                .addOptions(new OptionData(
                                OptionType.STRING, SEASON, "An archived season's board instead (its name)", false, true)
                        .setMaxLength(32));
    }

    @Override
    public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(java.util.Locale.ROOT);
        event.replyChoiceStrings(scores.seasons(event.getGuild().getIdLong()).stream()
                        .filter(s -> s.toLowerCase(java.util.Locale.ROOT).contains(typed))
                        .limit(25)
                        .toList())
                .queue();
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        OptionMapping option = event.getOption(PERIOD);
        BoardPeriod period = BoardPeriod.fromOption(option == null ? null : option.getAsString())
                .orElse(BoardPeriod.WEEK);
        long guild = event.getGuild().getIdLong();
        long caller = event.getUser().getIdLong();
        String season = event.getOption(SEASON, null, OptionMapping::getAsString);
        if (season != null) {
            showSeason(event, guild, season.strip(), caller);
            return;
        }
        Replies.publicMessage(event, () -> {
            LeaderboardPage page = scores.leaderboard(guild, period, caller);
            Picture card = ScorePictures.leaderboard(page);
            return Replies.withFile(LeaderboardRenderer.render(page), card.fileName(), card.png());
        });
    }

    /** An archived season's board; an unknown name is told to the asker alone, with the names there are. */
    private void showSeason(SlashCommandInteractionEvent event, long guild, String season, long caller) {
        java.util.Optional<LeaderboardPage> page = scores.season(guild, season, caller);
        if (page.isEmpty()) {
            java.util.List<String> seasons = scores.seasons(guild);
            event.getHook().deleteOriginal().queue(null, ignored -> {});
            Replies.ephemeral(
                    event,
                    "There is no archived season " + Replies.quote(season) + " here. "
                            + (seasons.isEmpty()
                                    ? "No season was archived yet (`/drill-admin season reset` does that)."
                                    : "Archived seasons: " + String.join(", ", seasons) + "."));
            return;
        }
        Replies.publicMessage(event, () -> {
            Picture card = ScorePictures.leaderboard(page.get());
            return Replies.withFile(LeaderboardRenderer.render(page.get()), card.fileName(), card.png());
        });
    }
}
