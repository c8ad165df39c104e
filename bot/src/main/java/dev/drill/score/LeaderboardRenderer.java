package dev.drill.score;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import java.util.StringJoiner;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** Renders a leaderboard page as an embed that stays within Discord's limits whatever the names. */
@DiscordEdge
final class LeaderboardRenderer {

    static final String EMPTY = "No points yet. Answer the day's question in its thread to get on the board.";
    private static final String[] MEDALS = {"🥇", "🥈", "🥉"};

    private LeaderboardRenderer() {}

    static MessageEmbed render(LeaderboardPage page) {
        StringJoiner lines = new StringJoiner("\n");
        for (LeaderboardEntry entry : page.top()) {
            lines.add(line(entry));
        }
        page.caller().ifPresent(self -> lines.add("…").add(line(self) + " (you)"));
        String body = page.top().isEmpty() ? EMPTY : lines.toString();
        return Replies.embed()
                .setTitle(title(page))
                .setDescription(Replies.fit(body, MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setFooter("Ties go to whoever got there first.")
                .build();
    }

    static String title(LeaderboardPage page) {
        return switch (page.period()) {
            case WEEK -> "Leaderboard · week " + page.label();
            case MONTH -> "Leaderboard · month " + page.label();
            case ALL -> page.label().startsWith("season ") ? "Leaderboard · " + page.label() : "Leaderboard · all time";
        };
    }

    private static String line(LeaderboardEntry entry) {
        String rank = entry.rank() <= MEDALS.length ? MEDALS[(int) entry.rank() - 1] : "**" + entry.rank() + ".**";
        return rank + " " + NameRenderer.render(entry.memberId(), entry.name()) + " · " + entry.points()
                + (entry.points() == 1 ? " pt" : " pts");
    }
}
