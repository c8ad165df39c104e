package dev.drill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.override.PermissionOverrideCreateEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The driver's member actions, each reaching a real JDA as the event Discord would send, and the bot's answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaMemberActionsTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    // JDA judges an interaction's expiry by the wall clock (from the id's time), so the simulated clock
    // must not lag the real one: a fixed instant well in the future keeps the tests deterministic.
    private final MutableClock clock = new MutableClock(Instant.parse("2040-12-03T08:00:00Z"));
    private final EventRecorder recorder = new EventRecorder();
    private DiscordSimulator sim;
    private JDA jda;

    @BeforeAll
    void connect() throws InterruptedException {
        sim = DiscordSimulator.start(clock);
        jda = SimulatedJda.connect(sim, recorder);
        jda.getGuildById(sim.guild().id())
                .updateCommands()
                .addCommands(
                        Commands.slash("drill", "Daily interview drill")
                                .addSubcommands(
                                        new SubcommandData("setup", "Set the drill up")
                                                .addOption(OptionType.CHANNEL, "channel", "where", true)
                                                .addOption(OptionType.INTEGER, "hour", "local hour", true)
                                                .addOption(OptionType.ROLE, "ping", "role to ping", false)
                                                .addOption(OptionType.BOOLEAN, "dry-run", "only show", false),
                                        new SubcommandData("practice", "An extra question")
                                                .addOptions(new OptionData(OptionType.STRING, "topic", "topic")
                                                        .setAutoComplete(true)),
                                        new SubcommandData("leaderboard", "Who leads")),
                        Commands.message("Mark best answer"))
                .complete();
        recorder.on(SlashCommandInteractionEvent.class, this::answerSlash);
        recorder.on(
                CommandAutoCompleteInteractionEvent.class,
                event -> event.replyChoice("Databases", "databases").queue());
        recorder.on(
                ButtonInteractionEvent.class,
                event -> event.editMessage("Revealed: " + event.getComponentId())
                        .setComponents()
                        .queue());
        recorder.on(
                MessageContextInteractionEvent.class,
                event -> event.reply(
                                "Best answer: " + event.getTarget().getAuthor().getName())
                        .setEphemeral(true)
                        .queue());
    }

    /** The "bot" of these tests: setup echoes its typed options; leaderboard defers, edits, follows up. */
    private void answerSlash(SlashCommandInteractionEvent event) {
        switch (event.getSubcommandName()) {
            case "setup" ->
                event.reply(String.format(
                                "%s at %d, ping %s, dry run %s, may manage: %s",
                                event.getOption("channel").getAsChannel().getName(),
                                event.getOption("hour").getAsInt(),
                                event.getOption("ping").getAsRole().getName(),
                                event.getOption("dry-run").getAsBoolean(),
                                event.getMember().hasPermission(Permission.MANAGE_SERVER)))
                        .setEphemeral(true)
                        .queue();
            case "leaderboard" ->
                event.deferReply()
                        .queue(hook -> hook.editOriginal("1. alice")
                                .queue(edited -> hook.sendMessage("(updated hourly)")
                                        .setEphemeral(true)
                                        .queue()));
            default -> event.reply("?").queue();
        }
    }

    @AfterEach
    void nothingWentAgainstTheSpec() {
        sim.assertNoProblems();
    }

    @AfterAll
    void disconnect() {
        if (jda != null) {
            jda.shutdownNow();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private TextChannel general() {
        return jda.getTextChannelById(sim.guild().generalId());
    }

    @Test
    @DisplayName(
            "slash options are typed from the registered definition: channel, integer, role, boolean; admin may manage")
    void typedOptionsAndPermissions() {
        // WHEN admin and alice run /drill setup with every kind of option
        Map<String, Object> options = Map.of("channel", "#daily-drill", "hour", 9, "ping", "lead", "dry-run", true);
        SimInteraction byAdmin = sim.as("admin").slash(sim.guild().generalId(), "drill setup", options);
        SimInteraction byAlice = sim.as("alice").slash(sim.guild().generalId(), "drill setup", options);

        // THEN JDA resolved each option, and only admin carries Manage Server
        assertThat(sim.awaitResponse(byAdmin).content())
                .isEqualTo("daily-drill at 9, ping Team Lead, dry run true, may manage: true");
        assertThat(sim.awaitResponse(byAlice).content()).endsWith("may manage: false");
        JsonAssert.hasPermissions(byAdmin, SimWorld.MANAGE_GUILD);
    }

    @Test
    @DisplayName("a deferred reply, its edited original and an ephemeral follow-up are recorded in order")
    void deferEditFollowUp() {
        // GIVEN someone watching what the bot writes (as the playground does)
        List<SimMessage> written = new CopyOnWriteArrayList<>();
        sim.onBotMessage(written::add);

        // WHEN carol asks for the leaderboard
        SimInteraction interaction = sim.as("carol").slash(sim.guild().generalId(), "drill leaderboard");

        // THEN defer → edit original → follow-up
        SimResponse followUp = sim.awaitResponse(interaction, r -> r.kind() == SimResponse.Kind.FOLLOW_UP, WAIT);
        assertThat(sim.responses(interaction))
                .extracting(SimResponse::kind)
                .containsExactly(
                        SimResponse.Kind.DEFERRED_REPLY, SimResponse.Kind.EDIT_ORIGINAL, SimResponse.Kind.FOLLOW_UP);
        assertThat(sim.responses(interaction).get(1).content()).isEqualTo("1. alice");
        assertThat(sim.responses(interaction).get(1).ephemeral()).isFalse();
        assertThat(followUp.ephemeral()).isTrue();
        assertThat(followUp.content()).isEqualTo("(updated hourly)");
        assertThat(written).extracting(SimMessage::content).containsExactly("1. alice", "(updated hourly)");
    }

    @Test
    @DisplayName("a global command allowed in bot DMs reaches JDA from a DM: no guild, no member, the user; context 1")
    void slashCommandInDm() {
        // GIVEN a global command offered in guilds and bot DMs, and one offered in guilds only
        jda.updateCommands()
                .addCommands(
                        Commands.slash("whoami", "Who am I")
                                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM),
                        Commands.slash("guildonly", "Only in servers").setContexts(InteractionContextType.GUILD))
                .complete();
        recorder.on(SlashCommandInteractionEvent.class, event -> {
            if (event.isFromGuild()) {
                answerSlash(event);
            } else {
                event.reply("DM from " + event.getUser().getName() + " in " + event.getChannelType())
                        .setEphemeral(true)
                        .queue();
            }
        });

        // WHEN alice runs the first in her DM with the bot
        SimInteraction interaction = sim.as("alice").slashInDm("whoami", Map.of());

        // THEN JDA sees a DM interaction from her, and the answer lands in that DM
        SlashCommandInteractionEvent event = recorder.await(
                SlashCommandInteractionEvent.class, e -> e.getName().equals("whoami"), WAIT);
        assertThat(event.getGuild()).isNull();
        assertThat(event.getMember()).isNull();
        assertThat(event.getInteraction().getContext()).isEqualTo(InteractionContextType.BOT_DM);
        SimResponse reply = sim.awaitResponse(interaction);
        assertThat(reply.content()).isEqualTo("DM from alice in PRIVATE");
        assertThat(reply.message().channelId()).isEqualTo(sim.dmChannel("alice"));
        assertThat(interaction.payload().has("member")).isFalse();
        assertThat(interaction.payload().path("user").path("id").asString())
                .isEqualTo(sim.user("alice").id());
        // AND Discord would not offer the guild-only command there
        assertThatThrownBy(() -> sim.as("alice").slashInDm("guildonly", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not offer /guildonly in a DM");
        recorder.on(SlashCommandInteractionEvent.class, this::answerSlash);
        jda.updateCommands().complete();
    }

    @Test
    @DisplayName("autocomplete (type 4) reaches JDA with the focused option; its choices are recorded")
    void autocomplete() {
        SimInteraction interaction =
                sim.as("bob").autocomplete(sim.guild().generalId(), "drill practice", Map.of("topic", "data"), "topic");

        SimResponse response = sim.awaitResponse(interaction);
        assertThat(response.kind()).isEqualTo(SimResponse.Kind.AUTOCOMPLETE);
        assertThat(response.body()
                        .path("data")
                        .path("choices")
                        .get(0)
                        .path("value")
                        .asString())
                .isEqualTo("databases");
    }

    @Test
    @DisplayName("a button click (type 3) reaches JDA, and its update (type 7) edits the message")
    void buttonClickUpdatesTheMessage() {
        // GIVEN a bot message with a button
        Message question = general()
                .sendMessage("Reveal the model answer?")
                .setComponents(ActionRow.of(Button.primary("reveal:q1", "Reveal")))
                .complete();
        SimMessage posted = sim.message(question.getId()).orElseThrow();
        assertThat(posted.customIds()).containsExactly("reveal:q1");

        // WHEN alice clicks it
        SimInteraction click = sim.as("alice").click(posted, "reveal:q1");

        // THEN the bot's update replaced the message's content and removed the button
        SimResponse response = sim.awaitResponse(click);
        assertThat(response.kind()).isEqualTo(SimResponse.Kind.UPDATE);
        SimMessage updated = sim.awaitMessage(sim.guild().generalId(), m -> m.id().equals(question.getId()));
        assertThat(updated.content()).isEqualTo("Revealed: reveal:q1");
        assertThat(updated.customIds()).isEmpty();
    }

    @Test
    @DisplayName("a message context command on a member's message reaches JDA with its target")
    void messageContextCommand() {
        SimMessage answer = sim.as("bob").say(sim.guild().generalId(), "Use a B+ tree for range scans");

        SimInteraction interaction = sim.as("admin").messageCommand("Mark best answer", answer);

        SimResponse response = sim.awaitResponse(interaction);
        assertThat(response.content()).isEqualTo("Best answer: bob");
        assertThat(response.ephemeral()).isTrue();
    }

    @Test
    @DisplayName("reactions of members, of otherbot and of the bot itself; removal too")
    void reactions() {
        // GIVEN a bot message
        Message message = general().sendMessage("Vote for the best answer").complete();
        SimMessage posted = sim.message(message.getId()).orElseThrow();

        // WHEN alice and otherbot react, the bot reacts, and alice takes hers back
        sim.as("alice").react(posted, "👍");
        sim.as("otherbot").react(posted, "👍");
        message.addReaction(Emoji.fromUnicode("👍")).complete();
        sim.as("alice").unreact(posted, "👍");

        // THEN JDA saw who reacted (bots included, so the bot can skip them) and the removal
        String alice = sim.user("alice").id();
        String otherBot = sim.user("otherbot").id();
        recorder.await(MessageReactionAddEvent.class, e -> e.getUserId().equals(otherBot), WAIT);
        MessageReactionAddEvent byAlice =
                recorder.await(MessageReactionAddEvent.class, e -> e.getUserId().equals(alice), WAIT);
        assertThat(byAlice.getEmoji().getName()).isEqualTo("👍");
        recorder.await(MessageReactionRemoveEvent.class, e -> e.getUserId().equals(alice), WAIT);
        assertThat(sim.message(message.getId()).orElseThrow().reactions().get("👍"))
                .containsExactly(otherBot, sim.botUser().id());
    }

    @Test
    @DisplayName("a member's edit and delete reach JDA as MESSAGE_UPDATE and MESSAGE_DELETE")
    void editAndDelete() {
        SimMessage said = sim.as("carol").say(sim.guild().generalId(), "first draft");

        SimMessage edited = sim.as("carol").edit(said, "final answer, now long enough to count");
        MessageUpdateEvent update =
                recorder.await(MessageUpdateEvent.class, e -> e.getMessageId().equals(said.id()), WAIT);
        sim.as("carol").delete(edited);

        assertThat(update.getMessage().getContentRaw()).isEqualTo("final answer, now long enough to count");
        recorder.await(MessageDeleteEvent.class, e -> e.getMessageId().equals(said.id()), WAIT);
        assertThat(sim.message(said.id())).isEmpty();
    }

    @Test
    @DisplayName("redeliverLast sends the same member event again with a new sequence number")
    void redelivery() {
        SimMessage said = sim.as("bob").say(sim.guild().generalId(), "same event twice");

        sim.redeliverLast();

        recorder.awaitAll(MessageReceivedEvent.class, e -> e.getMessageId().equals(said.id()), 2, WAIT);
        assertThat(sim.events("MESSAGE_CREATE"))
                .filteredOn(e -> e.payload().path("id").asString().equals(said.id()))
                .extracting(DispatchedEvent::seq)
                .doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    @DisplayName(
            "guild changes: a new guild arrives, a deleted channel and a kick reach JDA; a denied permission is checked by JDA")
    void guildChanges() {
        // WHEN a second guild adds the bot
        SimGuild other = sim.addGuild("Other Team");
        recorder.await(GuildJoinEvent.class, e -> e.getGuild().getId().equals(other.id()), WAIT);

        // AND the bot is denied Send Messages in its #general
        sim.denyBot(other.generalId(), SimWorld.SEND_MESSAGES);
        recorder.await(
                PermissionOverrideCreateEvent.class, e -> e.getChannel().getId().equals(other.generalId()), WAIT);

        // THEN JDA refuses locally, without a request
        TextChannel denied = jda.getTextChannelById(other.generalId());
        assertThatThrownBy(() -> denied.sendMessage("hello").complete())
                .isInstanceOf(InsufficientPermissionException.class);
        assertThat(sim.requests("POST", "/channels/" + other.generalId() + "/messages"))
                .isEmpty();

        // WHEN its #daily-drill is deleted and then the bot is removed
        sim.deleteChannel(other.dailyDrillId());
        recorder.await(ChannelDeleteEvent.class, e -> e.getChannel().getId().equals(other.dailyDrillId()), WAIT);
        sim.removeBotFrom(other);

        // THEN JDA forgets the guild
        recorder.await(GuildLeaveEvent.class, e -> e.getGuild().getId().equals(other.id()), WAIT);
        assertThat(jda.getGuildById(other.id())).isNull();
    }

    @Test
    @DisplayName("a drop that cannot be resumed: INVALID_SESSION, then JDA identifies anew and events still arrive")
    void nonResumableDrop() {
        int readies = sim.events("READY").size();

        sim.dropConnection(false);

        sim.await(
                "a second READY",
                WAIT,
                () -> sim.events("READY").stream().skip(readies).findFirst());
        SimMessage after = sim.as("alice").say(sim.guild().generalId(), "back again");
        recorder.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(after.id()), WAIT);
    }

    /** Small assertion on interaction payloads. */
    private static final class JsonAssert {
        static void hasPermissions(SimInteraction interaction, long bits) {
            long permissions = Long.parseLong(
                    interaction.payload().path("member").path("permissions").asString());
            assertThat(permissions & bits).isEqualTo(bits);
        }
    }
}
