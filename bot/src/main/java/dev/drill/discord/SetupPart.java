package dev.drill.discord;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * A feature's own options of {@code /drill-admin setup} (a reminder, a review channel, a champion role…),
 * so each feature keeps its settings, their checks and their wording in its own package while admins set
 * everything with one command. The setup command reads every part before it saves anything: one refusal
 * and nothing is saved.
 */
public interface SetupPart {

    /** The options this part adds; all optional (an option left out keeps its current value). */
    List<OptionData> options();

    /** Names this part accepts in setup's {@code clear} option (e.g. a role that cannot be given as "none"). */
    default List<String> clearable() {
        return List.of();
    }

    /**
     * Reads and checks this part's options (and the names in {@code cleared}); saves nothing yet. Runs on a
     * command thread (setup is deferred), so it may read Redis.
     */
    SetupChange read(SlashCommandInteractionEvent event, Set<String> cleared);

    /** The part's current settings for {@code /drill-admin config} and setup's answer: field name to value. */
    Map<String, String> describe(long guild);

    /** What a part will save, or why the whole setup is refused. */
    record SetupChange(String refusal, Runnable apply) {

        /** Nothing of this part's was given. */
        public static final SetupChange NONE = new SetupChange(null, () -> {});

        public static SetupChange refuse(String sentence) {
            return new SetupChange(sentence, () -> {});
        }

        public static SetupChange accept(Runnable apply) {
            return new SetupChange(null, apply);
        }

        public boolean refused() {
            return refusal != null;
        }
    }
}
