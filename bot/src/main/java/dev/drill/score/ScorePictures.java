package dev.drill.score;

import dev.drill.picture.BoardCard;
import dev.drill.picture.BoardCardRenderer;
import dev.drill.picture.Picture;
import dev.drill.picture.ProgressCard;
import dev.drill.picture.ProgressCardRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pictures of {@code /drill leaderboard} and {@code /drill stats}: the same figures as their embeds,
 * handed to the {@code picture} package as plain records. The embed stays the text alternative.
 */
final class ScorePictures {

    private ScorePictures() {}

    static Picture leaderboard(LeaderboardPage page) {
        Optional<String> comparedWith = page.previousLabel().map(label -> switch (page.period()) {
            case WEEK -> "week " + label;
            case MONTH -> "month " + label;
            case ALL -> label;
        });
        List<BoardCard.Row> rows = new ArrayList<>();
        page.top().forEach(entry -> rows.add(row(page, entry)));
        return BoardCardRenderer.render(new BoardCard(
                LeaderboardRenderer.title(page),
                comparedWith,
                rows,
                page.caller().map(self -> row(page, self))));
    }

    static Picture stats(MemberStats stats, MemberProgress progress) {
        List<ProgressCard.WeekPoints> weeks = new ArrayList<>();
        for (int i = 0; i < progress.weeks().size(); i++) {
            weeks.add(new ProgressCard.WeekPoints(
                    progress.weeks().get(i), progress.weekPoints().get(i)));
        }
        return ProgressCardRenderer.render(new ProgressCard(
                stats.memberId(),
                stats.name(),
                progress.today(),
                weeks,
                progress.answered(),
                stats.currentStreak(),
                stats.bestStreak()));
    }

    private static BoardCard.Row row(LeaderboardPage page, LeaderboardEntry entry) {
        return new BoardCard.Row(
                entry.rank(), entry.memberId(), entry.name(), entry.points(), page.previousRank(entry.memberId()));
    }
}
