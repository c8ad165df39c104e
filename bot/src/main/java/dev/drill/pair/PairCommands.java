package dev.drill.pair;

import dev.drill.discord.CommandNames;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import dev.drill.score.PointsRules;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill pair join|leave|status|done}: the members' side of the weekly mock-interview pairs, four
 * subcommands of one group (declared an edge: it holds commands).
 */
@DiscordEdge
final class PairCommands {

    static final String GROUP = "pair";

    private PairCommands() {}

    /** The group every pair subcommand sits in. */
    abstract static class PairSubcommand implements SlashCommand {

        final PairService pairs;

        PairSubcommand(PairService pairs) {
            this.pairs = pairs;
        }

        @Override
        public String parent() {
            return CommandNames.DRILL;
        }

        @Override
        public String group() {
            return GROUP;
        }

        @Override
        public String groupDescription() {
            return "Weekly mock-interview pairs";
        }

        /** Every pair command reads or writes Redis before it answers. */
        @Override
        public Reply reply() {
            return Reply.DEFERRED_PRIVATE;
        }
    }

    @Component
    static final class Join extends PairSubcommand {
        Join(PairService pairs) {
            super(pairs);
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("join", "Be paired each week for a mock interview with another member");
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            long guild = event.getGuild().getIdLong();
            boolean joined = pairs.join(guild, event.getUser().getIdLong());
            PairService.Status status = pairs.status(guild, event.getUser().getIdLong());
            String when = status.weekday().isEmpty()
                    ? " Pairing is off in this server for now: an admin turns it on with"
                            + " `/drill-admin setup pairing:<weekday>`."
                    : " You will be paired " + schedule(status) + ".";
            Replies.ephemeral(
                    event,
                    (joined ? "You're in for the mock-interview pairs." : "You were in already.") + when
                            + " `/drill pair leave` takes you out.");
        }
    }

    @Component
    static final class Leave extends PairSubcommand {
        Leave(PairService pairs) {
            super(pairs);
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("leave", "Stop being paired for mock interviews (from the next pairing on)");
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            boolean left =
                    pairs.leave(event.getGuild().getIdLong(), event.getUser().getIdLong());
            Replies.ephemeral(
                    event,
                    left
                            ? "You're out of the mock-interview pairs from the next pairing on. `/drill pair join`"
                                    + " brings you back."
                            : "You were not in the mock-interview pairs. `/drill pair join` puts you in.");
        }
    }

    @Component
    static final class Status extends PairSubcommand {
        Status(PairService pairs) {
            super(pairs);
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData(
                    "status", "Whether you are in the pairs, when they are made, your pair this week");
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            PairService.Status status =
                    pairs.status(event.getGuild().getIdLong(), event.getUser().getIdLong());
            StringBuilder text = new StringBuilder(
                    status.joined()
                            ? "You're in the mock-interview pairs"
                            : "You're not in the mock-interview pairs (`/drill pair join`)");
            text.append(" · ")
                    .append(status.opted())
                    .append(status.opted() == 1 ? " member is in" : " members are in")
                    .append(". ");
            text.append(
                    status.weekday().isEmpty()
                            ? "Pairing is off in this server."
                            : "Pairs are made " + schedule(status) + ".");
            status.thisWeek().ifPresent(group -> {
                String others = group.members().stream()
                        .filter(m -> m != event.getUser().getIdLong())
                        .map(m -> "<@" + m + ">")
                        .collect(Collectors.joining(" and "));
                text.append("\nThis week you meet ").append(others);
                if (group.thread() != 0) {
                    text.append(" in <#").append(group.thread()).append(">");
                }
                text.append(".");
            });
            Replies.ephemeral(event, text.toString());
        }
    }

    @Component
    static final class Done extends PairSubcommand {
        private final PointsRules rules;

        Done(PairService pairs, PointsRules rules) {
            super(pairs);
            this.rules = rules;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("done", "In your pair's thread: mark this week's mock interview as held");
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            PairService.Done done = pairs.done(
                    event.getGuild().getIdLong(),
                    event.getChannel().getIdLong(),
                    event.getUser().getIdLong());
            String members = mentions(done.members());
            switch (done.kind()) {
                case NOT_A_PAIR_THREAD ->
                    Replies.ephemeral(
                            event,
                            "Run `/drill pair done` in your pair's private thread, once you have met; this is not"
                                    + " one. Nothing was changed.");
                case NOT_IN_PAIR ->
                    Replies.ephemeral(
                            event, "Only the members of this pair can mark its session held. Nothing was changed.");
                case ALREADY ->
                    Replies.ephemeral(event, "This week's session of " + members + " is marked held already.");
                case RECORDED -> {
                    Replies.ephemeral(event, "Marked held: +" + rules.pairSession() + " each. Well done!");
                    // The partner learns it in the thread; no one is pinged (the default: mentions off).
                    event.getChannel()
                            .sendMessage("Session held: +" + rules.pairSession() + " each for " + members + ".")
                            .queue();
                }
            }
        }
    }

    static String mentions(List<Long> members) {
        return members.stream().map(m -> "<@" + m + ">").collect(Collectors.joining(", "));
    }

    static String schedule(PairService.Status status) {
        return "every " + status.weekday().orElseThrow().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at "
                + status.time() + " " + status.zone();
    }
}
