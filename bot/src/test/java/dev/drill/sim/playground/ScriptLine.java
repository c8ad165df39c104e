package dev.drill.sim.playground;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One parsed line of a playground script: what a member does, or what happens to the clock, bot or Redis. */
public sealed interface ScriptLine {

    /** Act as a member from now on (alice, bob, carol, admin). */
    record As(String member) implements ScriptLine {}

    /**
     * A slash command: {@code path} is the command and its subcommand (group) names, e.g. [drill-admin, setup];
     * option values are passed as typed, and the simulator types them from the registered definition.
     */
    record Slash(List<String> path, Map<String, String> options) implements ScriptLine {
        public Slash {
            path = List.copyOf(path);
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        public String command() {
            return String.join(" ", path);
        }
    }

    record Say(String text) implements ScriptLine {}

    /** Move to a channel by name (without the #). */
    record InChannel(String channel) implements ScriptLine {}

    /** Move into the latest question thread in #daily-drill. */
    record InThread() implements ScriptLine {}

    record EditLast(String text) implements ScriptLine {}

    record DeleteLast() implements ScriptLine {}

    /** Add ({@code add}) or remove a reaction on {@code member}'s last message in the current channel. */
    record React(String emoji, String member, boolean add) implements ScriptLine {}

    /** Click a button by its label on the latest bot message the acting member can see that has it. */
    record Click(String label) implements ScriptLine {}

    /** Run the message command "Award best answer" on {@code member}'s last message in the current channel. */
    record Award(String member) implements ScriptLine {}

    record SetClock(Instant instant) implements ScriptLine {}

    record Advance(Duration duration) implements ScriptLine {}

    record Redeliver() implements ScriptLine {}

    /**
     * {@code restart bot}, or {@code restart bot without message-content}: the bot started again without
     * Discord's Message Content intent ({@code drill.discord.message-content=false}).
     */
    record RestartBot(boolean messageContent) implements ScriptLine {

        RestartBot() {
            this(true);
        }
    }

    record RestartRedis() implements ScriptLine {}

    /** {@code stop redis} (running false) or {@code start redis}. */
    record RedisRunning(boolean running) implements ScriptLine {}

    /** {@code stop bot} (running false) or {@code start bot}. */
    record BotRunning(boolean running) implements ScriptLine {}

    record KillRedis() implements ScriptLine {}

    /**
     * {@code submit <text>}: fills the open form's text field(s) and submits it; {@code submit name:value …}
     * fills each named input (the form's field ids), the others left empty.
     */
    record Submit(String text, Map<String, String> fields) implements ScriptLine {
        public Submit {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Submit(String text) {
            this(text, Map.of());
        }
    }

    /** {@code attach <file>}: a file of the playground folder, given to the next command's option named after it. */
    record Attach(String file) implements ScriptLine {}

    record Health() implements ScriptLine {}

    record Metrics(String prefix) implements ScriptLine {}

    /** Print the script language (handy at the terminal). */
    record Help() implements ScriptLine {}
}
