package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.discord.CommandNames;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScoreCommandsTests {

    @Test
    @DisplayName("/drill leaderboard has an optional period: week, month or all")
    void leaderboard() {
        LeaderboardCommand command = new LeaderboardCommand(null);
        SubcommandData definition = command.definition();

        assertThat(command.parent()).isEqualTo(CommandNames.DRILL);
        assertThat(definition.getName()).isEqualTo("leaderboard");
        OptionData period = definition.getOptions().get(0);
        assertThat(period.getName()).isEqualTo(LeaderboardCommand.PERIOD);
        assertThat(period.isRequired()).isFalse();
        assertThat(period.getChoices()).extracting(Command.Choice::getAsString).containsExactly("week", "month", "all");
        assertThat(BoardPeriod.fromOption("all")).contains(BoardPeriod.ALL);
        assertThat(BoardPeriod.fromOption(null)).isEmpty();
    }

    @Test
    @DisplayName("/drill stats takes an optional member")
    void stats() {
        StatsCommand command = new StatsCommand(null);
        OptionData member = command.definition().getOptions().get(0);

        assertThat(command.parent()).isEqualTo(CommandNames.DRILL);
        assertThat(command.definition().getName()).isEqualTo("stats");
        assertThat(member.getName()).isEqualTo(StatsCommand.MEMBER);
        assertThat(member.getType()).isEqualTo(OptionType.USER);
        assertThat(member.isRequired()).isFalse();
    }
}
