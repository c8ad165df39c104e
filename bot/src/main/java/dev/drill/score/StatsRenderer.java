package dev.drill.score;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** Renders a member's stats as an embed. */
@DiscordEdge
final class StatsRenderer {

    private StatsRenderer() {}

    static MessageEmbed render(MemberStats stats) {
        String rank = stats.allTimeRank().isPresent()
                ? " (rank #" + stats.allTimeRank().getAsLong() + ")"
                : "";
        return Replies.embed()
                .setTitle(Replies.fit("Stats · " + plain(stats), MessageEmbed.TITLE_MAX_LENGTH))
                .addField("This week", points(stats.weekPoints()), true)
                .addField("This month", points(stats.monthPoints()), true)
                .addField("All time", points(stats.allTimePoints()) + rank, true)
                .addField("Answers", Integer.toString(stats.answers()), true)
                .addField("Streak", stats.currentStreak() + " (best " + stats.bestStreak() + ")", true)
                .addField("👍 received", Integer.toString(stats.votes()), true)
                .addField("Best-answer awards", Integer.toString(stats.awards()), true)
                .build();
    }

    // Titles do not render markdown or mentions, so the name is only cut, not escaped.
    private static String plain(MemberStats stats) {
        return stats.name().isBlank()
                ? "member " + stats.memberId()
                : Replies.fit(stats.name().strip(), 32);
    }

    private static String points(long points) {
        return points + (points == 1 ? " pt" : " pts");
    }
}
