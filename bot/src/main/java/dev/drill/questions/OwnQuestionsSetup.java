package dev.drill.questions;

import dev.drill.content.GuildQuestionStore;
import dev.drill.content.QuestionSource;
import dev.drill.discord.ChannelPermissions;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import dev.drill.discord.SetupPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.unions.GuildChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.springframework.stereotype.Component;

/**
 * The own-questions options of {@code /drill-admin setup}: {@code source} (where rounds take their questions
 * from) and {@code review-channel} (where member suggestions go).
 */
@DiscordEdge
@Component
final class OwnQuestionsSetup implements SetupPart {

    static final String SOURCE = "source";
    static final String REVIEW_CHANNEL = "review-channel";

    private final GuildQuestionStore store;

    OwnQuestionsSetup(GuildQuestionStore store) {
        this.store = store;
    }

    @Override
    public List<OptionData> options() {
        OptionData source = new OptionData(
                        OptionType.STRING, SOURCE, "Where questions come from: bank (default), own or both")
                .setMaxLength(4);
        for (QuestionSource each : QuestionSource.values()) {
            source.addChoice(each.id(), each.id());
        }
        return List.of(
                source,
                new OptionData(OptionType.CHANNEL, REVIEW_CHANNEL, "Where member suggestions go for review")
                        .setChannelTypes(ChannelType.TEXT));
    }

    @Override
    public List<String> clearable() {
        return List.of(REVIEW_CHANNEL);
    }

    @Override
    public SetupChange read(SlashCommandInteractionEvent event, Set<String> cleared) {
        long guild = event.getGuild().getIdLong();
        String sourceText = event.getOption(SOURCE, null, OptionMapping::getAsString);
        Optional<QuestionSource> source = Optional.empty();
        if (sourceText != null) {
            source = QuestionSource.parse(sourceText);
            if (source.isEmpty()) {
                return SetupChange.refuse("The source is bank, own or both, not " + Replies.quote(sourceText) + ".");
            }
        }
        Long review = null;
        if (cleared.contains(REVIEW_CHANNEL)) {
            review = 0L;
        }
        GuildChannelUnion chosen = event.getOption(REVIEW_CHANNEL, OptionMapping::getAsChannel);
        if (chosen != null) {
            if (chosen.getType() != ChannelType.TEXT) {
                return SetupChange.refuse("Choose a text channel for the review of suggestions.");
            }
            TextChannel channel = chosen.asTextChannel();
            List<Permission> missing = ChannelPermissions.missing(channel);
            if (!missing.isEmpty()) {
                return SetupChange.refuse("I can't post suggestions in " + channel.getAsMention() + ": I am missing "
                        + ChannelPermissions.names(missing) + " there.");
            }
            review = channel.getIdLong();
        }
        if (source.isEmpty() && review == null) {
            return SetupChange.NONE;
        }
        Optional<QuestionSource> newSource = source;
        Long newReview = review;
        return SetupChange.accept(() -> {
            newSource.ifPresent(s -> store.setSource(guild, s));
            if (newReview != null) {
                store.setReviewChannel(guild, newReview);
            }
        });
    }

    @Override
    public Map<String, String> describe(long guild) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Questions from", store.source(guild).id());
        long review = store.reviewChannel(guild);
        fields.put("Suggestions", review == 0 ? "off (no review channel)" : "reviewed in <#" + review + ">");
        return fields;
    }
}
