package dev.drill.answer;

import dev.drill.config.DrillProperties;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import dev.drill.discord.SetupPart;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.springframework.stereotype.Component;

/** Setup's {@code answers:thread|modal|blind} and {@code reveal:<time before the close>}. */
@DiscordEdge
@Component
final class AnswerModeSetup implements SetupPart {

    static final String ANSWERS = "answers";
    static final String REVEAL = "reveal";

    static final Duration REVEAL_MAX = Duration.ofDays(7);

    static final String NO_MESSAGE_CONTENT = "I run without Discord's Message Content intent"
            + " (drill.discord.message-content=false), so I cannot read answers written in threads:"
            + " choose answers:modal or answers:blind.";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})([dhm])");

    private final AnswerForms store;
    private final boolean readsMessages;

    AnswerModeSetup(AnswerForms store, DrillProperties properties) {
        this.store = store;
        this.readsMessages = properties.discord().readsMessages();
    }

    @Override
    public List<OptionData> options() {
        return List.of(
                new OptionData(
                                OptionType.STRING,
                                ANSWERS,
                                "How members answer: thread replies (default), an Answer form, or blind until the reveal")
                        .addChoice("thread", AnswerMode.THREAD.id())
                        .addChoice("modal", AnswerMode.MODAL.id())
                        .addChoice("blind", AnswerMode.BLIND.id())
                        .setMaxLength(10),
                new OptionData(
                                OptionType.STRING,
                                REVEAL,
                                "Blind answers: reveal this long before the close, e.g. 6h or 1h30m (default: half-way)")
                        .setMaxLength(20));
    }

    @Override
    public List<String> clearable() {
        return List.of(REVEAL);
    }

    @Override
    public SetupChange read(SlashCommandInteractionEvent event, Set<String> cleared) {
        String modeText = event.getOption(ANSWERS, null, OptionMapping::getAsString);
        String revealText = event.getOption(REVEAL, null, OptionMapping::getAsString);
        boolean clearReveal = cleared.contains(REVEAL);
        if (modeText == null && revealText == null && !clearReveal) {
            return SetupChange.NONE;
        }
        Optional<AnswerMode> mode = Optional.empty();
        if (modeText != null) {
            mode = AnswerMode.parse(modeText);
            if (mode.isEmpty()) {
                return SetupChange.refuse(
                        "Answers are given as thread, modal or blind, not " + Replies.quote(modeText) + ".");
            }
            if (mode.get() == AnswerMode.THREAD && !readsMessages) {
                return SetupChange.refuse(NO_MESSAGE_CONTENT);
            }
        }
        Optional<Duration> reveal = Optional.empty();
        if (revealText != null) {
            reveal = parseReveal(revealText);
            if (reveal.isEmpty()) {
                return SetupChange.refuse("Give the reveal as a time before the close, e.g. 6h, 90m or 1h30m (at most"
                        + " 7d); " + Replies.quote(revealText) + " is not one.");
            }
        }
        long guild = event.getGuild().getIdLong();
        Optional<AnswerMode> chosen = mode;
        Optional<Duration> revealBefore = reveal;
        return SetupChange.accept(() -> store.save(guild, chosen, revealBefore, clearReveal && revealBefore.isEmpty()));
    }

    /** 6h, 90m, 1h30m, 1d: a positive time of at most {@link #REVEAL_MAX}, each unit once. */
    static Optional<Duration> parseReveal(String text) {
        String compact = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        Matcher part = DURATION.matcher(compact);
        Duration total = Duration.ZERO;
        StringBuilder seen = new StringBuilder();
        int at = 0;
        while (at < compact.length()) {
            if (!part.find(at) || part.start() != at || seen.indexOf(part.group(2)) >= 0) {
                return Optional.empty();
            }
            seen.append(part.group(2));
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "d" -> Duration.ofDays(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofMinutes(amount);
                    });
            at = part.end();
        }
        if (total.isZero() || total.compareTo(REVEAL_MAX) > 0) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    @Override
    public Map<String, String> describe(long guild) {
        Map<String, String> fields = new LinkedHashMap<>();
        AnswerMode mode = store.mode(guild);
        fields.put(
                "Answers",
                switch (mode) {
                    case THREAD ->
                        readsMessages
                                ? "replies in the thread"
                                : "replies in the thread, but "
                                        + NO_MESSAGE_CONTENT.substring(0, 1).toLowerCase(Locale.ROOT)
                                        + NO_MESSAGE_CONTENT.substring(1);
                    case MODAL -> "the Answer button, posted in the thread at once";
                    case BLIND -> "the Answer button, hidden until the reveal";
                });
        if (mode == AnswerMode.BLIND) {
            fields.put(
                    "Reveal",
                    store.reveal(guild)
                            .map(d -> describe(d) + " before the close")
                            .orElse("half-way through the round"));
        }
        return fields;
    }

    static String describe(Duration d) {
        StringBuilder text = new StringBuilder();
        if (d.toDaysPart() > 0) {
            text.append(d.toDaysPart()).append('d');
        }
        if (d.toHoursPart() > 0) {
            text.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            text.append(d.toMinutesPart()).append('m');
        }
        return text.toString();
    }
}
