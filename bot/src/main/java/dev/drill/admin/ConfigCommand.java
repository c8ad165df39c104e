package dev.drill.admin;

import dev.drill.content.Level;
import dev.drill.discord.Access;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SetupPart;
import dev.drill.discord.SlashCommand;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.guild.ScheduleOptions;
import dev.drill.round.Round;
import dev.drill.round.RoundService;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.TimeFormat;
import org.springframework.stereotype.Component;

/** {@code /drill-admin config}: the settings and when the next question comes. */
@Component
final class ConfigCommand implements SlashCommand {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final GuildSettingsStore store;
    private final RoundService rounds;
    private final List<SetupPart> parts;

    ConfigCommand(GuildSettingsStore store, RoundService rounds, List<SetupPart> parts) {
        this.store = store;
        this.rounds = rounds;
        this.parts = List.copyOf(parts);
    }

    @Override
    public String parent() {
        return CommandNames.ADMIN;
    }

    @Override
    public Access access() {
        return Access.MANAGE_SERVER;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData("config", "Show Drill's settings and the next post time");
    }

    /** Reads and writes Redis before answering: acknowledged at once, answered when done. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        Optional<GuildSettings> settings = store.find(guild);
        if (settings.isEmpty()) {
            Replies.ephemeral(event, "Drill is not set up here yet: run `/drill-admin setup`.");
            return;
        }
        Replies.ephemeral(
                event,
                render(
                        settings.get(),
                        rounds.nextOpening(guild),
                        rounds.openRound(guild).orElse(null),
                        null,
                        partFields(parts, guild)));
    }

    /** Every setup part's current settings, in the order of the parts. */
    static Map<String, String> partFields(List<SetupPart> parts, long guild) {
        Map<String, String> fields = new LinkedHashMap<>();
        parts.forEach(part -> fields.putAll(part.describe(guild)));
        return fields;
    }

    static MessageEmbed render(
            GuildSettings s, Optional<Instant> next, Round open, String headline, Map<String, String> partFields) {
        EmbedBuilder embed = Replies.embed()
                .setTitle(headline == null ? "Drill settings" : headline)
                .addField("Channel", "<#" + s.channel() + ">", true)
                .addField("Time", s.time() + " " + s.zone().getId(), true)
                .addField("Days", ScheduleOptions.describeDays(s.days()), true)
                .addField("Levels", s.levels().stream().map(Level::id).collect(Collectors.joining(", ")), true)
                .addField("Ping", s.pingRole() == 0 ? "nobody" : "<@&" + s.pingRole() + ">", true)
                .addField(
                        "Reviewers",
                        s.reviewerRole() == 0 ? "admins" : "admins and <@&" + s.reviewerRole() + ">",
                        true);
        partFields.forEach((name, value) -> embed.addField(name, Replies.fit(value, 1000), true));
        if (s.paused()) {
            embed.addField(
                    "Paused",
                    s.pausedReason().isEmpty()
                            ? "by an admin: `/drill-admin resume` starts again"
                            : Replies.fit(s.pausedReason(), 900) + ". Fix it, then `/drill-admin resume`.",
                    false);
        }
        next.ifPresent(at -> embed.addField(
                "Next question",
                LOCAL.format(ZonedDateTime.ofInstant(at, s.zone())) + " "
                        + s.zone().getId() + " · "
                        + TimeFormat.DATE_TIME_LONG.format(at.toEpochMilli()) + " ("
                        + TimeFormat.RELATIVE.format(at.toEpochMilli()) + ")",
                false));
        if (open != null) {
            embed.addField(
                    "Open round",
                    open.date() + ", closes "
                            + TimeFormat.RELATIVE.format(open.closes().toEpochMilli()),
                    false);
        }
        return embed.build();
    }
}
