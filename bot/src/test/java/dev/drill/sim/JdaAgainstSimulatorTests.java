package dev.drill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A real JDA 6.5.0 client against the simulator: the protocol facts of DISCORD-SIM.md, end to end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaAgainstSimulatorTests {

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

    private TextChannel dailyDrill() {
        return jda.getTextChannelById(sim.guild().dailyDrillId());
    }

    @Test
    @DisplayName("JDA logs in, gets READY and the fixture guild with its channels")
    void logsInAndSeesTheFixtureGuild() {
        // GIVEN a JDA connected in @BeforeAll
        // WHEN it has awaited ready
        Guild guild = jda.getGuildById(sim.guild().id());

        // THEN it knows the guild, its channels and itself, from one REST call and the gateway handshake
        assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
        assertThat(guild).isNotNull();
        assertThat(guild.getName()).isEqualTo("Practice Team");
        assertThat(guild.getTextChannels()).extracting(TextChannel::getName).containsExactly("daily-drill", "general");
        assertThat(jda.getSelfUser().getId()).isEqualTo(sim.botUser().id());
        assertThat(sim.requests("GET", "/users/@me")).hasSize(1);
        assertThat(sim.events("READY")).hasSize(1);
    }

    @Test
    @DisplayName("guild commands registered through JDA are stored with ids")
    void registersGuildCommands() {
        // GIVEN the fixture guild
        Guild guild = jda.getGuildById(sim.guild().id());

        // WHEN the bot registers /drill with two subcommands
        guild.updateCommands()
                .addCommands(Commands.slash("drill", "Daily interview drill")
                        .addSubcommands(
                                new SubcommandData("stats", "Show stats")
                                        .addOption(OptionType.USER, "member", "whose stats", false),
                                new SubcommandData("setup", "Set the drill up")
                                        .addOption(OptionType.CHANNEL, "channel", "where to post", true)
                                        .addOption(OptionType.INTEGER, "hour", "local hour", true)))
                .complete();

        // THEN the simulator stored it with an id, options intact
        assertThat(sim.commands(sim.guild()).size()).isEqualTo(1);
        assertThat(sim.commands(sim.guild()).get(0).path("id").asString()).isNotBlank();
        assertThat(sim.commands(sim.guild()).get(0).findValuesAsString("name"))
                .contains("drill", "stats", "member", "setup", "channel", "hour");
    }

    @Test
    @DisplayName("JDA posts a message and starts a thread from it (id = message id, THREAD_CREATE)")
    void postsAndStartsAThread() {
        // GIVEN #daily-drill
        // WHEN the bot posts the question and opens its thread
        Message question = dailyDrill().sendMessage("What is a B-tree?").complete();
        ThreadChannel thread = question.createThreadChannel("Answers: B-trees").complete();

        // THEN the simulator holds both, Discord-shaped
        assertThat(sim.messages(sim.guild().dailyDrillId()))
                .anySatisfy(m -> assertThat(m.content()).isEqualTo("What is a B-tree?"));
        SimChannel simThread = sim.channel(thread.getId()).orElseThrow();
        assertThat(simThread.id()).isEqualTo(question.getId());
        assertThat(simThread.parentId()).isEqualTo(sim.guild().dailyDrillId());
        assertThat(sim.events("THREAD_CREATE"))
                .anySatisfy(e -> assertThat(e.payload().path("newly_created").asBoolean())
                        .isTrue());
        assertThat(jda.getThreadChannelById(thread.getId())).isNotNull();
    }

    @Test
    @DisplayName("the bot locks a thread (PATCH → THREAD_UPDATE); members can no longer post in it")
    void locksAThread() {
        // GIVEN a question thread with one answer
        Message question = dailyDrill().sendMessage("Define idempotency").complete();
        ThreadChannel thread =
                question.createThreadChannel("Answers: idempotency").complete();
        sim.as("alice").say(thread.getId(), "Doing it twice has the effect of doing it once");

        // WHEN the round closes and the bot locks the thread
        thread.getManager().setLocked(true).complete();

        // THEN the simulator and JDA agree it is locked, and a late answer is refused
        assertThat(sim.channel(thread.getId()).orElseThrow().locked()).isTrue();
        assertThat(sim.events("THREAD_UPDATE")).isNotEmpty();
        assertThatThrownBy(() -> sim.as("bob").say(thread.getId(), "late answer"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("locked");
    }

    @Test
    @DisplayName("JDA reads history after a message (GET messages?after=…)")
    void readsHistory() {
        // GIVEN a bot message and two member messages after it
        Message mark = jda.getTextChannelById(sim.guild().generalId())
                .sendMessage("mark")
                .complete();
        sim.as("alice").say(sim.guild().generalId(), "first after");
        sim.as("bob").say(sim.guild().generalId(), "second after");

        // WHEN the bot reads what came after its message
        var history = MessageHistory.getHistoryAfter(mark.getChannel(), mark.getId())
                .limit(10)
                .complete();

        // THEN it gets both, newest first
        assertThat(history.getRetrievedHistory())
                .extracting(Message::getContentRaw)
                .containsExactly("second after", "first after");
    }

    @Test
    @DisplayName("a member's slash command reaches a JDA listener, and its ephemeral reply is recorded")
    void slashCommandAndEphemeralReply() {
        // GIVEN /drill stats registered and a bot that answers it ephemerally with the chosen member
        registersGuildCommands();
        recorder.on(
                SlashCommandInteractionEvent.class,
                event -> event.reply("Stats of "
                                + event.getOption("member").getAsUser().getName())
                        .setEphemeral(true)
                        .queue());

        // WHEN alice runs /drill stats member:bob
        SimInteraction interaction =
                sim.as("alice").slash(sim.guild().dailyDrillId(), "drill stats", Map.of("member", "bob"));

        // THEN the reply is ephemeral, answers that interaction, and is kept with the channel
        SimResponse response = sim.awaitResponse(interaction);
        assertThat(response.kind()).isEqualTo(SimResponse.Kind.REPLY);
        assertThat(response.ephemeral()).isTrue();
        assertThat(response.content()).isEqualTo("Stats of bob");
        assertThat(response.message().interactionId()).isEqualTo(interaction.id());
        SlashCommandInteractionEvent seen = recorder.await(
                SlashCommandInteractionEvent.class, e -> e.getId().equals(interaction.id()), WAIT);
        assertThat(seen.getFullCommandName()).isEqualTo("drill stats");
        assertThat(seen.getMember().getUser().getName()).isEqualTo("alice");
    }

    @Test
    @DisplayName("a member's message in the thread reaches JDA as MessageReceivedEvent")
    void memberMessageInThread() {
        // GIVEN a question thread opened by the bot
        Message question = dailyDrill().sendMessage("Explain CAP").complete();
        ThreadChannel thread = question.createThreadChannel("Answers: CAP").complete();

        // WHEN bob answers in the thread
        SimMessage answer = sim.as("bob").say(thread.getId(), "Consistency, availability, partition tolerance");

        // THEN JDA hears it, in the thread, with its content
        MessageReceivedEvent event =
                recorder.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(answer.id()), WAIT);
        assertThat(event.getChannel().getId()).isEqualTo(thread.getId());
        assertThat(event.getMessage().getContentRaw()).isEqualTo("Consistency, availability, partition tolerance");
        assertThat(event.getAuthor().getName()).isEqualTo("bob");
    }

    @Test
    @DisplayName("the same nonce with enforce_nonce posts once: the second send returns the first message")
    void nonceDeduplication() {
        // GIVEN a message posted with a deterministic nonce
        Message first = dailyDrill()
                .sendMessage("Round of 2026-12-01")
                .setNonce("round-2026-12-01")
                .complete();

        // WHEN the same post is retried with the same nonce
        Message second = dailyDrill()
                .sendMessage("Round of 2026-12-01")
                .setNonce("round-2026-12-01")
                .complete();

        // THEN Discord answered with the already created message and created no second one
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(sim.messages(sim.guild().dailyDrillId()))
                .filteredOn(m -> m.content().equals("Round of 2026-12-01"))
                .hasSize(1);
        assertThat(sim.requests("POST", "/channels/\\d+/messages"))
                .last()
                .satisfies(r ->
                        assertThat(r.json().path("enforce_nonce").asBoolean()).isTrue());
    }

    @Test
    @DisplayName("a 429 is waited out by JDA and the message arrives exactly once")
    void rateLimitIsWaitedOut() {
        // GIVEN the next post to #general is rate limited
        String general = sim.guild().generalId();
        sim.failNext("POST", "/channels/" + general + "/messages", 1, RestFault.rateLimited(Duration.ofSeconds(1)));

        // WHEN the bot posts there
        Message posted = jda.getTextChannelById(general)
                .sendMessage("after the rate limit")
                .complete();

        // THEN JDA retried after the 429 and the message exists once
        assertThat(sim.requests("POST", "/channels/" + general + "/messages"))
                .extracting(RecordedRequest::status)
                .containsExactly(429, 200);
        assertThat(sim.messages(general))
                .filteredOn(m -> m.content().equals("after the rate limit"))
                .hasSize(1);
        assertThat(posted.getContentRaw()).isEqualTo("after the rate limit");
    }

    @Test
    @DisplayName("after a dropped socket JDA resumes, and an event sent meanwhile is replayed")
    void droppedSocketResumes() {
        // GIVEN a connected JDA
        int readies = sim.events("READY").size();

        // WHEN the socket drops and carol speaks before JDA is back
        sim.dropConnection(true);
        SimMessage meanwhile = sim.as("carol").say(sim.guild().generalId(), "anyone there?");

        // THEN JDA resumed (no new READY) and got carol's message all the same
        recorder.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(meanwhile.id()), WAIT);
        sim.await("RESUMED", WAIT, () -> sim.events("RESUMED").stream().findFirst());
        assertThat(sim.events("READY")).hasSize(readies);

        // AND later events still arrive
        SimMessage after = sim.as("alice").say(sim.guild().generalId(), "yes");
        recorder.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(after.id()), WAIT);
    }
}
