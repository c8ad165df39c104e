package dev.drill.score;

import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import dev.drill.picture.Picture;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill stats [member]}: points, answers, streaks, votes and awards of a member (default: you), as an
 * embed (the text) and a picture of their points per week and the days they answered.
 */
@Component
final class StatsCommand implements SlashCommand {

    static final String NAME = "stats";
    static final String MEMBER = "member";

    private final ScoreService scores;

    StatsCommand(ScoreService scores) {
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
        return new SubcommandData(NAME, "Points, streaks and votes of a member (default: you)")
                .addOption(OptionType.USER, MEMBER, "Whose stats", false);
    }

    /** A member Drill has no name for yet shows with the name Discord gave in the command. */
    private static MemberStats named(MemberStats stats, String seenName) {
        if (!stats.name().isBlank()) {
            return stats;
        }
        return new MemberStats(
                stats.memberId(),
                seenName,
                stats.weekPoints(),
                stats.monthPoints(),
                stats.allTimePoints(),
                stats.answers(),
                stats.currentStreak(),
                stats.bestStreak(),
                stats.allTimeRank(),
                stats.votes(),
                stats.awards());
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        OptionMapping option = event.getOption(MEMBER);
        User user = option == null ? event.getUser() : option.getAsUser();
        Member member = option == null ? event.getMember() : option.getAsMember();
        String seenName = member != null ? member.getEffectiveName() : user.getEffectiveName();
        long guild = event.getGuild().getIdLong();
        long memberId = user.getIdLong();
        Replies.publicMessage(event, () -> {
            MemberStats stats = named(scores.stats(guild, memberId), seenName);
            Picture chart = ScorePictures.stats(stats, scores.progress(guild, memberId));
            MessageEmbed embed = StatsRenderer.render(stats);
            int sessions = scores.pairSessions(guild, memberId);
            if (sessions > 0) {
                embed = new EmbedBuilder(embed)
                        .addField("Pair sessions held", Integer.toString(sessions), true)
                        .build();
            }
            return Replies.withFile(embed, chart.fileName(), chart.png());
        });
    }
}
