package dev.drill.admin;

import dev.drill.discord.Access;
import dev.drill.discord.ChannelPermissions;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SetupPart;
import dev.drill.discord.SlashCommand;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.guild.ScheduleOptions;
import dev.drill.round.RoundService;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.unions.GuildChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/** {@code /drill-admin setup}: where, when and what Drill posts. */
@Component
final class SetupCommand implements SlashCommand {

    static final String CHANNEL = "channel";
    static final String TIME = "time";
    static final String TIMEZONE = "timezone";
    static final String DAYS = "days";
    static final String LEVELS = "levels";
    static final String PING = "ping";
    static final String REVIEWER = "reviewer";
    static final String CLEAR = "clear";

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") || z.equals("UTC"))
            .filter(z -> !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList();

    private final GuildSettingsStore store;
    private final RoundService rounds;
    private final List<SetupPart> parts;

    SetupCommand(GuildSettingsStore store, RoundService rounds, List<SetupPart> parts) {
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
        SubcommandData data = new SubcommandData(
                        "setup", "Set Drill up (channel, time and zone the first time); change any setting later")
                .addOptions(
                        new OptionData(OptionType.CHANNEL, CHANNEL, "Where to post the question")
                                .setChannelTypes(ChannelType.TEXT),
                        new OptionData(OptionType.STRING, TIME, "Local time of the post, 24-hour HH:mm (e.g. 09:00)")
                                .setMaxLength(5),
                        new OptionData(OptionType.STRING, TIMEZONE, "IANA time zone, e.g. Europe/Berlin", false, true)
                                .setMaxLength(64),
                        new OptionData(OptionType.STRING, DAYS, "daily, mon-fri (default) or e.g. mon,wed,fri")
                                .setMaxLength(40),
                        new OptionData(
                                        OptionType.STRING,
                                        LEVELS,
                                        "all (default) or e.g. fresher,intermediate (rotating)")
                                .setMaxLength(60),
                        new OptionData(OptionType.ROLE, PING, "A role to ping with each question (default: none)"),
                        new OptionData(OptionType.ROLE, REVIEWER, "A role that may award best answers besides admins"));
        OptionData clear = new OptionData(OptionType.STRING, CLEAR, "Remove a setting given before").setMaxLength(40);
        clearable().forEach(name -> clear.addChoice(name, name));
        parts.forEach(part -> data.addOptions(part.options()));
        return data.addOptions(clear);
    }

    private List<String> clearable() {
        List<String> names = new ArrayList<>(List.of(PING, REVIEWER));
        parts.forEach(part -> names.addAll(part.clearable()));
        return names;
    }

    /** Reads and writes Redis before answering: acknowledged at once, answered when done. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        Optional<GuildSettings> current = store.find(guild);
        Set<String> cleared = event.getOption(CLEAR, Set.of(), o -> Set.of(o.getAsString()));
        if (!cleared.isEmpty() && !clearable().containsAll(cleared)) {
            Replies.ephemeral(
                    event,
                    "I can clear " + String.join(", ", clearable()) + ", not "
                            + Replies.quote(cleared.iterator().next()) + ". Nothing was saved.");
            return;
        }
        boolean schedule = SCHEDULE_OPTIONS.stream().anyMatch(name -> event.getOption(name) != null)
                || cleared.contains(PING)
                || cleared.contains(REVIEWER);
        if (current.isEmpty()
                && (event.getOption(CHANNEL) == null
                        || event.getOption(TIME) == null
                        || event.getOption(TIMEZONE) == null)) {
            Replies.ephemeral(
                    event,
                    "To set Drill up, give the channel, the time and the time zone, e.g. "
                            + "`/drill-admin setup channel:#daily-drill time:09:00 timezone:Europe/Berlin`."
                            + " Nothing was saved.");
            return;
        }
        GuildSettings settings = current.orElse(null);
        if (schedule) {
            Optional<GuildSettings> read = readSchedule(event, current.orElse(null), cleared);
            if (read.isEmpty()) {
                return; // already answered with the reason
            }
            settings = read.get();
        }
        List<SetupPart.SetupChange> changes = new ArrayList<>();
        for (SetupPart part : parts) {
            SetupPart.SetupChange change = part.read(event, cleared);
            if (change.refused()) {
                Replies.ephemeral(event, change.refusal() + " Nothing was saved.");
                return;
            }
            changes.add(change);
        }
        if (schedule) {
            store.save(settings);
        }
        changes.forEach(change -> change.apply().run());
        if (schedule) {
            rounds.reschedule(guild);
        } else {
            rounds.rebook(guild);
        }
        Replies.ephemeral(
                event,
                ConfigCommand.render(
                        settings,
                        rounds.nextOpening(guild),
                        null,
                        current.isEmpty() ? "Drill is set up." : "Drill's settings are saved.",
                        ConfigCommand.partFields(parts, guild)));
    }

    private static final List<String> SCHEDULE_OPTIONS = List.of(CHANNEL, TIME, TIMEZONE, DAYS, LEVELS, PING, REVIEWER);

    /**
     * The schedule from the options, each left-out option keeping its current value (or its default the
     * first time); answers and returns empty when an option is refused. Giving the channel also resumes a
     * paused guild (the usual fix after Drill paused itself on a lost channel); other changes keep it paused.
     */
    private Optional<GuildSettings> readSchedule(
            SlashCommandInteractionEvent event, GuildSettings current, Set<String> cleared) {
        long channelId;
        GuildChannelUnion chosen = event.getOption(CHANNEL, OptionMapping::getAsChannel);
        if (chosen != null) {
            if (chosen.getType() != ChannelType.TEXT) {
                Replies.ephemeral(event, "Choose a text channel for the daily question.");
                return Optional.empty();
            }
            TextChannel channel = chosen.asTextChannel();
            List<Permission> missing = ChannelPermissions.missing(channel);
            if (!missing.isEmpty()) {
                Replies.ephemeral(
                        event,
                        "I can't run rounds in " + channel.getAsMention() + " yet: I am missing "
                                + ChannelPermissions.names(missing)
                                + " there. Grant them to my role (or in the channel's permissions) and run setup"
                                + " again; nothing was saved.");
                return Optional.empty();
            }
            channelId = channel.getIdLong();
        } else {
            channelId = current.channel();
        }
        LocalTime time;
        ZoneId zone;
        Set<DayOfWeek> days;
        List<dev.drill.content.Level> levels;
        try {
            time = event.getOption(TIME) == null
                    ? current.time()
                    : ScheduleOptions.time(event.getOption(TIME, "", OptionMapping::getAsString));
            zone = event.getOption(TIMEZONE) == null
                    ? current.zone()
                    : ScheduleOptions.zone(event.getOption(TIMEZONE, "", OptionMapping::getAsString));
            days = event.getOption(DAYS) == null && current != null
                    ? current.days()
                    : ScheduleOptions.days(event.getOption(DAYS, null, OptionMapping::getAsString));
            levels = event.getOption(LEVELS) == null && current != null
                    ? current.levels()
                    : ScheduleOptions.levels(event.getOption(LEVELS, null, OptionMapping::getAsString));
        } catch (ScheduleOptions.InvalidOption e) {
            Replies.ephemeral(event, e.getMessage());
            return Optional.empty();
        }
        long ping = role(event, PING, current == null ? 0 : current.pingRole(), cleared);
        long reviewer = role(event, REVIEWER, current == null ? 0 : current.reviewerRole(), cleared);
        boolean keepPaused = chosen == null && current != null && current.paused();
        return Optional.of(new GuildSettings(
                event.getGuild().getIdLong(),
                channelId,
                time,
                zone,
                days,
                levels,
                ping,
                reviewer,
                keepPaused,
                keepPaused ? current.pausedReason() : ""));
    }

    private static long role(SlashCommandInteractionEvent event, String option, long current, Set<String> cleared) {
        if (cleared.contains(option)) {
            return 0;
        }
        return event.getOption(option, current, o -> o.getAsRole().getIdLong());
    }

    @Override
    public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        event.replyChoiceStrings(ZONES.stream()
                        .filter(z -> z.toLowerCase(Locale.ROOT).contains(typed))
                        .limit(25)
                        .toList())
                .queue();
    }
}
