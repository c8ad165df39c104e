package dev.drill.privacy;

import dev.drill.discord.Access;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import dev.drill.guild.GuildSettingsStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill-admin season reset [name]}: after a confirm button, archives the all-time board under the
 * season's name (default: today's date) and starts a new one; {@code /drill leaderboard season:<name>} shows
 * an archived one. Streaks and counters stay.
 */
@Component
final class SeasonResetCommand implements SlashCommand {

    static final String NAME = "reset";
    static final String GROUP = "season";
    static final String SEASON = "name";
    static final String BUTTON = "season";

    private final PrivacyService privacy;
    private final GuildSettingsStore settings;
    private final Clock clock;

    SeasonResetCommand(PrivacyService privacy, GuildSettingsStore settings, Clock clock) {
        this.privacy = privacy;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String parent() {
        return CommandNames.ADMIN;
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String groupDescription() {
        return "Seasons of the all-time board";
    }

    @Override
    public Access access() {
        return Access.MANAGE_SERVER;
    }

    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData(NAME, "Archive the all-time board as a season and start a new one")
                .addOptions(new OptionData(OptionType.STRING, SEASON, "The season's name (default: today's date)")
                        .setMaxLength(32));
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        String name = event.getOption(SEASON, null, OptionMapping::getAsString);
        if (name == null) {
            var zone = settings.find(guild).map(s -> s.zone()).orElse(ZoneOffset.UTC);
            name = LocalDate.ofInstant(clock.instant(), zone).toString();
        }
        name = name.strip();
        Optional<String> refusal = PrivacyService.refusal(name);
        if (refusal.isPresent()) {
            Replies.ephemeral(event, refusal.get() + " Nothing was changed.");
            return;
        }
        if (privacy.seasonExists(guild, name)) {
            Replies.ephemeral(
                    event,
                    "There is already a season " + Replies.quote(name) + "; choose another name."
                            + " Nothing was changed.");
            return;
        }
        event.getHook()
                .sendMessage("This archives the all-time board as season " + Replies.quote(name)
                        + " (`/drill leaderboard season:" + name + "` shows it) and starts an empty all-time board."
                        + " Streaks, weeks and months stay. Reset?")
                .setComponents(ActionRow.of(Button.danger(ButtonHandler.customId(BUTTON, name), "Archive and reset")))
                .setEphemeral(true)
                .queue();
    }

    /** The confirm button; it carries the season's name. Manage Server only, as the command. */
    @Component
    static final class Confirm implements ButtonHandler {

        private final PrivacyService privacy;

        Confirm(PrivacyService privacy) {
            this.privacy = privacy;
        }

        @Override
        public String prefix() {
            return BUTTON;
        }

        @Override
        public Access access() {
            return Access.MANAGE_SERVER;
        }

        @Override
        public Reply reply() {
            return Reply.DEFERRED_PRIVATE;
        }

        @Override
        public void onButton(ButtonInteractionEvent event, List<String> args) {
            String name = args.isEmpty() ? "" : args.get(0);
            if (PrivacyService.refusal(name).isPresent()) {
                Replies.ephemeral(event, "This button no longer does anything.");
                return;
            }
            long archived = privacy.resetSeason(event.getGuild().getIdLong(), name);
            Replies.ephemeral(
                    event,
                    archived < 0
                            ? "Season " + Replies.quote(name) + " is already archived; nothing was changed."
                            : "Archived the all-time board as season " + Replies.quote(name) + " (" + archived
                                    + (archived == 1 ? " member" : " members")
                                    + "). A new all-time board starts with the next answer.");
        }
    }
}
