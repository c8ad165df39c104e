package dev.drill.sim.playground;

import dev.drill.content.QuestionBank;
import dev.drill.e2e.BotHarness;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.practice.PracticeService;
import dev.drill.practice.RepeatablePractice;
import dev.drill.reconcile.Reconciler;
import dev.drill.redis.Keys;
import dev.drill.sim.Actor;
import dev.drill.sim.DiscordSimulator;
import dev.drill.sim.RoleChange;
import dev.drill.sim.SimAttachment;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimGuild;
import dev.drill.sim.SimInteraction;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One playground run: the real bot on the simulator and an embedded Redis, driven line by line as members act
 * and time passes, with everything the bot sends printed under the line that caused it.
 */
final class PlaygroundSession implements AutoCloseable {

    /** The bot counts as done when the simulator has seen no request and no event for this long. */
    static final Duration QUIET = Duration.ofMillis(200);
    /** At most this long waiting for the bot to go quiet, so a chatty bug cannot hang a script. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(15);
    /** Discord wants a first answer within 3 s; anything near this is a failure worth naming. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** Due instants one advance may stop at, so a schedule that kept itself due could not spin forever. */
    static final int MAX_DUE_STEPS = 1000;

    static final String AWARD_COMMAND = "Award best answer";
    private static final long PRACTICE_SEED = 20401203L;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BotHarness harness;
    private final DiscordSimulator sim;
    private final SimGuild guild;
    private final PrintStream out;
    private final SimNaming naming = new SimNaming();
    private final MessageRenderer renderer = new MessageRenderer(naming);
    private final Queue<SimMessage> announced = new ConcurrentLinkedQueue<>();
    private final Queue<RoleChange> roleChanges = new ConcurrentLinkedQueue<>();
    /** Bot messages in the order they were first sent, to find the latest one with a button. */
    private final Map<String, Boolean> botMessages = new LinkedHashMap<>();
    /** Who caused each interaction: an ephemeral reply is visible to that member only. */
    private final Map<String, String> interactionUsers = new HashMap<>();
    /** The interaction the bot answered with a form, by member: what {@code submit} fills. */
    private final Map<String, SimInteraction> openForms = new HashMap<>();
    /** Files taken with {@code attach}, by name, until a command's option names one. */
    private final Map<String, dev.drill.sim.Upload> attached = new HashMap<>();
    /** Each member's own messages, oldest first, for edit last and delete last. */
    private final Map<String, Deque<String>> said = new HashMap<>();

    private final List<String> problemsShown = new ArrayList<>();
    private String member;
    private String channelId;
    private ZoneId zone = MessageRenderer.UTC;
    private Instant clockShown;
    private boolean closed;

    private PlaygroundSession(BotHarness harness, PrintStream out) {
        this.harness = harness;
        this.sim = harness.sim();
        this.guild = harness.guild();
        this.out = out;
        this.channelId = guild.dailyDrillId();
        this.clockShown = harness.clock().instant();
        sim.onBotMessage(announced::add);
        sim.onRoleChange(roleChanges::add);
        // The playground's Drill may give the Champion role (below its own), as an admin who set a champion
        // role would have allowed.
        sim.grantBot(guild, DiscordSimulator.MANAGE_ROLES);
    }

    /** Starts Redis, the simulator and the bot at {@link BotHarness#START}, with repeatable practice picks. */
    static PlaygroundSession start(PrintStream out) {
        BotHarness harness = BotHarness.create(BotHarness.START)
                .initializer(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        // The bot picks practice questions at random; the transcript must not change run to run.
                        return bean instanceof PracticeService
                                ? RepeatablePractice.of(context.getBean(QuestionBank.class), PRACTICE_SEED)
                                : bean;
                    }
                }));
        try {
            harness.startBot();
            return new PlaygroundSession(harness, out);
        } catch (RuntimeException | Error e) {
            harness.close();
            throw e;
        }
    }

    /** A file of the playground's {@code files} folder on the test classpath (inside the repository). */
    private static dev.drill.sim.Upload readFile(String name) {
        try (java.io.InputStream in = PlaygroundSession.class.getResourceAsStream("/playground/files/" + name)) {
            if (in == null) {
                throw new ScriptException("no file " + name + " in bot/src/test/resources/playground/files/");
            }
            return new dev.drill.sim.Upload(name, "application/yaml", in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new ScriptException("could not read " + name + ": " + e.getMessage());
        }
    }

    /** The first line of a transcript: the fixture and the starting time. */
    String banner() {
        return "Drill playground · " + guild.name() + " · #daily-drill, #general · members alice, bob, carol, admin"
                + " (Manage Server) · " + renderer.clock(harness.clock().instant());
    }

    /** Runs one line; a line that cannot be run throws {@link ScriptException}. */
    void run(ScriptLine line) {
        try {
            dispatch(line);
        } finally {
            print();
        }
    }

    private void dispatch(ScriptLine line) {
        if (line instanceof ScriptLine.As as) {
            member = sim.user(as.member()).name();
        } else if (line instanceof ScriptLine.InChannel in) {
            channelId = channelNamed(in.channel());
        } else if (line instanceof ScriptLine.InThread) {
            channelId = latestThread().id();
        } else if (line instanceof ScriptLine.Help) {
            out.println(ScriptParser.LANGUAGE);
        } else if (line instanceof ScriptLine.Slash slash) {
            requireOffered("/"
                    + String.join(
                            " ",
                            slash.path().subList(0, Math.min(2, slash.path().size()))));
            Map<String, Object> options = new LinkedHashMap<>(slash.options());
            // An option naming an attached file uploads it (an attachment option); the file is used once.
            options.replaceAll((name, value) -> attached.containsKey(value) ? attached.remove(value) : value);
            SimInteraction interaction = actor().slash(channelId, slash.command(), options);
            answered(interaction, "/" + slash.command());
        } else if (line instanceof ScriptLine.Say say) {
            SimMessage message = actor().say(channelId, say.text());
            said.computeIfAbsent(message.authorId(), k -> new ArrayDeque<>()).addLast(message.id());
            settle();
        } else if (line instanceof ScriptLine.EditLast edit) {
            actor().edit(lastOwnMessage("edit"), edit.text());
            settle();
        } else if (line instanceof ScriptLine.DeleteLast) {
            SimMessage last = lastOwnMessage("delete");
            actor().delete(last);
            said.get(last.authorId()).remove(last.id());
            settle();
        } else if (line instanceof ScriptLine.React react) {
            SimMessage target = lastMessageOf(react.member(), react.add() ? "react to" : "unreact on");
            if (react.add()) {
                actor().react(target, react.emoji());
            } else {
                actor().unreact(target, react.emoji());
            }
            settle();
        } else if (line instanceof ScriptLine.Click click) {
            click(click.label());
        } else if (line instanceof ScriptLine.Submit submit) {
            SimInteraction opened = openForms.remove(member);
            if (opened == null) {
                throw new ScriptException("no form is open for " + member + ": click a button that opens one first");
            }
            answered(
                    submit.fields().isEmpty()
                            ? actor().submitModal(opened, submit.text())
                            : actor().submitModal(opened, submit.fields()),
                    "the form");
        } else if (line instanceof ScriptLine.Attach attach) {
            attached.put(attach.file(), readFile(attach.file()));
        } else if (line instanceof ScriptLine.Award award) {
            requireOffered("\"" + AWARD_COMMAND + "\"");
            SimMessage target = lastMessageOf(award.member(), "award");
            answered(actor().messageCommand(AWARD_COMMAND, target), "\"" + AWARD_COMMAND + "\"");
        } else if (line instanceof ScriptLine.SetClock clock) {
            // A jump, as if the bot had been away in between: its due work runs once, at the new time.
            harness.clock().set(clock.instant());
            tick();
            settle();
        } else if (line instanceof ScriptLine.Advance advance) {
            advance(advance.duration());
        } else if (line instanceof ScriptLine.Redeliver) {
            sim.redeliverLast();
            settle();
        } else if (line instanceof ScriptLine.RestartBot restart) {
            if (restart.messageContent()) {
                harness.restartBot();
            } else {
                harness.stopBots();
                harness.startBot(java.util.Map.of("drill.discord.message-content", "false"));
            }
            // A starting bot's scheduler runs its first tick at once.
            tick();
            settle();
        } else if (line instanceof ScriptLine.RestartRedis) {
            harness.restartRedis();
            settle();
        } else if (line instanceof ScriptLine.RedisRunning redis) {
            if (redis.running()) {
                harness.startRedis();
            } else {
                harness.stopRedis();
            }
        } else if (line instanceof ScriptLine.KillRedis) {
            harness.killRedis();
        } else if (line instanceof ScriptLine.BotRunning bot) {
            if (bot.running()) {
                harness.startBot();
                // A starting bot's scheduler runs its first tick at once.
                tick();
                settle();
            } else {
                harness.stopBots();
            }
        } else if (line instanceof ScriptLine.Health) {
            printHealth();
        } else if (line instanceof ScriptLine.Metrics metrics) {
            harness.management("/actuator/prometheus")
                    .body()
                    .lines()
                    .filter(l -> l.startsWith(metrics.prefix()))
                    .forEach(l -> out.println("[metrics] " + l));
        } else {
            throw new ScriptException("the playground cannot run " + line + " yet");
        }
        if (line instanceof ScriptLine.SetClock || line instanceof ScriptLine.Advance) {
            print();
            showClock(harness.clock().instant());
        }
    }

    /**
     * Time passes with the bot running: the clock stops at every due instant on the way (each post, each close)
     * and the bot's tick runs there, as its background tick would, then the clock ends at the target.
     */
    private void advance(Duration duration) {
        Instant target = harness.clock().instant().plus(duration);
        for (int step = 0; step < MAX_DUE_STEPS; step++) {
            Optional<Instant> due = nextDue().filter(d -> !d.isAfter(target));
            if (due.isEmpty()) {
                break;
            }
            Instant now = harness.clock().instant();
            harness.clock().set(due.get().isAfter(now) ? due.get() : now);
            tick();
            settle();
            print();
            if (nextDue().filter(d -> !d.isAfter(harness.clock().instant())).isPresent()) {
                break; // still due after its tick: leave the rest to the final tick instead of spinning
            }
        }
        harness.clock().set(target);
        tick();
        settle();
    }

    /** The earliest instant any guild's round work falls due, from the scheduler's own index in Redis. */
    private Optional<Instant> nextDue() {
        Set<ZSetOperations.TypedTuple<String>> first =
                harness.bean(StringRedisTemplate.class).opsForZSet().rangeWithScores(Keys.due(), 0, 0);
        if (first == null || first.isEmpty()) {
            return Optional.empty();
        }
        Double score = first.iterator().next().getScore();
        return score == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(score.longValue()));
    }

    /**
     * Discord offers only what the bot registered; say so in its words, with the commands there are, rather
     * than the simulator's complaint about option trees. {@code wanted} is {@code /command sub} or a quoted
     * message command name.
     */
    private void requireOffered(String wanted) {
        List<String> offered = new ArrayList<>();
        List<JsonNode> registered = new ArrayList<>();
        sim.commands(guild).forEach(registered::add);
        sim.globalCommands().forEach(registered::add);
        for (JsonNode command : registered) {
            String name = command.path("name").asString();
            if (command.path("type").asInt(1) != 1) {
                offered.add("\"" + name + "\"");
                continue;
            }
            List<String> subs = command.path("options")
                    .valueStream()
                    .filter(o -> o.path("type").asInt() == 1 || o.path("type").asInt() == 2)
                    .map(o -> o.path("name").asString())
                    .toList();
            if (subs.isEmpty()) {
                offered.add("/" + name);
            }
            subs.forEach(sub -> offered.add("/" + name + " " + sub));
        }
        if (!offered.contains(wanted)) {
            throw new ScriptException(
                    "Discord offers no " + wanted + " here; the bot registered " + String.join(", ", offered));
        }
    }

    private void tick() {
        try {
            harness.tick();
        } catch (RuntimeException e) {
            throw new ScriptException("the bot's due work failed: " + e, e);
        }
    }

    private void click(String label) {
        String me = actor().user().id();
        List<String> ids = new ArrayList<>(botMessages.keySet());
        for (int i = ids.size() - 1; i >= 0; i--) {
            Optional<SimMessage> message = sim.message(ids.get(i));
            if (message.isEmpty()
                    || (message.get().ephemeral()
                            && !me.equals(interactionUsers.get(message.get().interactionId())))) {
                continue;
            }
            Optional<String> customId = buttonLabelled(message.get(), label);
            if (customId.isPresent()) {
                answered(actor().click(message.get(), customId.get()), "[" + label + "]");
                return;
            }
        }
        throw new ScriptException("no message " + member + " can see has a button '" + label + "'");
    }

    private static Optional<String> buttonLabelled(SimMessage message, String label) {
        if (message.components() == null) {
            return Optional.empty();
        }
        return message.components().findParents("custom_id").stream()
                .filter(c -> c.path("label").asString("").equalsIgnoreCase(label.strip()))
                .map(c -> c.path("custom_id").asString())
                .findFirst();
    }

    /** Waits for the bot's answer to an interaction (a deferral is not yet an answer), then for it to go quiet. */
    private void answered(SimInteraction interaction, String what) {
        interactionUsers.put(interaction.id(), interaction.userId());
        try {
            SimResponse first = sim.awaitResponse(interaction, r -> true, ANSWER_TIMEOUT);
            if (first.kind() == SimResponse.Kind.MODAL) {
                openForms.put(member, interaction);
                printForm(interaction, first);
            }
            if (first.kind() == SimResponse.Kind.DEFERRED_REPLY) {
                sim.awaitResponse(interaction, r -> r.message() != null, ANSWER_TIMEOUT);
            }
        } catch (AssertionError e) {
            settle();
            throw new ScriptException("the bot did not answer " + what + " within " + ANSWER_TIMEOUT.toSeconds()
                    + " s (" + e.getMessage() + ")");
        }
        settle();
    }

    /** {@code [#channel] Drill (only you): form "title": label [Submit]}: a form is not a message. */
    private void printForm(SimInteraction interaction, SimResponse modal) {
        JsonNode data = modal.body().path("data");
        List<String> labels = new ArrayList<>();
        data.path("components").forEach(c -> labels.add(c.path("label").asString("")));
        out.println("[" + naming.channel(interaction.channelId()) + "] Drill (only you): form \""
                + data.path("title").asString() + "\": " + String.join(" · ", labels) + " [Submit]");
    }

    /** Waits until the simulator has seen no request or event for {@link #QUIET}: the bot is done. */
    private void settle() {
        long limit = System.nanoTime() + SETTLE_LIMIT.toNanos();
        int seen = activity();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < limit) {
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int now = activity();
            if (now != seen || catchingUp()) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return;
            }
        }
    }

    private int activity() {
        return sim.requests().size() + sim.events().size();
    }

    /** A bot that is catching up with the threads is not settled, however quiet the simulator is. */
    private boolean catchingUp() {
        return !harness.bots().isEmpty() && !harness.bean(Reconciler.class).idle();
    }

    /** Prints what the bot sent since the last call, and any request the simulator refused. */
    /** {@code [health] UP}, then one line a component, in the endpoint's own (alphabetical) order. */
    private void printHealth() {
        JsonNode health = JSON.readTree(harness.management("/actuator/health").body());
        out.println("[health] " + health.path("status").asString());
        health.path("components")
                .properties()
                .forEach(c -> out.println("[health] " + c.getKey() + " "
                        + c.getValue().path("status").asString()));
    }

    private void print() {
        zone = currentZone().orElse(zone);
        for (RoleChange change = roleChanges.poll(); change != null; change = roleChanges.poll()) {
            showClock(change.at());
            out.println("[roles] " + change.memberName() + " " + (change.added() ? "+" : "-") + change.roleName());
        }
        for (SimMessage message = announced.poll(); message != null; message = announced.poll()) {
            botMessages.putIfAbsent(message.id(), Boolean.TRUE);
            showClock(message.editedTimestamp() != null ? message.editedTimestamp() : message.timestamp());
            out.println(renderer.render(message));
            save(message);
        }
        List<String> problems = sim.problems();
        for (String problem : problems.subList(problemsShown.size(), problems.size())) {
            out.println("! the simulated Discord refused a request: " + problem);
            problemsShown.add(problem);
        }
    }

    /**
     * Writes the message's files to the module's {@code target/playground/} (build output, git-ignored), so a
     * person can open the picture the transcript names; a later file of the same name replaces it.
     */
    private void save(SimMessage message) {
        for (SimAttachment attachment : message.attachments()) {
            Path file = PICTURES.resolve(Path.of(attachment.filename()).getFileName());
            try {
                Files.createDirectories(PICTURES);
                Files.write(file, attachment.bytes());
            } catch (IOException e) {
                out.println("! could not save " + file + ": " + e.getMessage());
            }
        }
    }

    /** The bot module's target/playground: Maven runs from the module, an IDE may run from the repository root. */
    static final Path PICTURES = (Files.isDirectory(Path.of("src", "test", "java"))
                    ? Path.of("target")
                    : Path.of("bot", "target"))
            .resolve("playground");

    private void showClock(Instant at) {
        if (!at.equals(clockShown)) {
            out.println("-- " + renderer.clock(at));
            clockShown = at;
        }
    }

    /** The guild's zone once Drill is set up there, so times read as the team reads them. */
    private Optional<ZoneId> currentZone() {
        try {
            return harness.bean(GuildSettingsStore.class)
                    .find(Long.parseLong(guild.id()))
                    .map(GuildSettings::zone);
        } catch (RuntimeException e) {
            return Optional.empty(); // Redis restarting: keep the zone we had
        }
    }

    List<String> problems() {
        return sim.problems();
    }

    private Actor actor() {
        if (member == null) {
            throw new ScriptException("nobody acts yet: start with as alice (or bob, carol, admin)");
        }
        return sim.as(member);
    }

    private SimMessage lastOwnMessage(String verb) {
        String me = actor().user().id();
        Iterator<String> ids = said.getOrDefault(me, new ArrayDeque<>()).descendingIterator();
        while (ids.hasNext()) {
            Optional<SimMessage> message = sim.message(ids.next());
            if (message.isPresent()) {
                return message.get();
            }
        }
        throw new ScriptException(member + " has no message to " + verb);
    }

    /**
     * The member's last message here: one they wrote, or an answer of theirs the bot posted under their name
     * (the Answer button's form, blind answers), which is where 👍 and awards go in those modes.
     */
    private SimMessage lastMessageOf(String name, String verb) {
        String author = sim.user(name).id();
        List<SimMessage> messages = sim.messages(channelId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            SimMessage message = messages.get(i);
            if (!message.ephemeral() && (message.authorId().equals(author) || postedFor(message, name))) {
                return message;
            }
        }
        throw new ScriptException(
                sim.user(name).name() + " has no message in " + naming.channel(channelId) + " to " + verb);
    }

    private boolean postedFor(SimMessage message, String name) {
        return message.authorId().equals(sim.botUser().id())
                && message.embeds() != null
                && !message.embeds().isEmpty()
                && message.embeds()
                        .get(0)
                        .path("author")
                        .path("name")
                        .asString("")
                        .equalsIgnoreCase(name);
    }

    /** The newest question thread: under #daily-drill, or wherever setup told the bot to post. */
    private SimChannel latestThread() {
        return List.of(guild.dailyDrillId(), guild.generalId()).stream()
                .flatMap(parent -> sim.threads(parent).stream())
                .max(Comparator.comparing(SimChannel::createdAt).thenComparing(c -> Long.parseLong(c.id())))
                .orElseThrow(() -> new ScriptException("there is no question thread yet"));
    }

    private String channelNamed(String name) {
        for (String id : List.of(guild.dailyDrillId(), guild.generalId())) {
            if (sim.channel(id).map(c -> c.name().equalsIgnoreCase(name)).orElse(false)) {
                return id;
            }
        }
        for (SimChannel thread : sim.threads(guild.dailyDrillId())) {
            if (thread.name().equalsIgnoreCase(name)) {
                return thread.id();
            }
        }
        throw new ScriptException("no channel #" + name + "; there are #daily-drill and #general (and in thread)");
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            harness.close();
        }
    }

    /** Names from the simulator and the zone from the bot, for the renderer. */
    private final class SimNaming implements MessageRenderer.Naming {

        @Override
        public String channel(String id) {
            Optional<SimChannel> channel = sim.channel(id);
            if (channel.isEmpty()) {
                return "#deleted-channel";
            }
            if (channel.get().isDm()) {
                // A DM has no name: it is shown by the member it goes to.
                return "DM " + user(channel.get().ownerId());
            }
            if (!channel.get().isThread()) {
                return "#" + channel.get().name();
            }
            String parent =
                    sim.channel(channel.get().parentId()).map(SimChannel::name).orElse("deleted-channel");
            return "#" + parent + " › " + channel.get().name();
        }

        @Override
        public String user(String id) {
            try {
                return sim.user(id).name();
            } catch (IllegalArgumentException e) {
                return "unknown-user";
            }
        }

        @Override
        public String role(String id) {
            if (id.equals(guild.everyoneRoleId())) {
                return "everyone";
            }
            if (id.equals(guild.leadRoleId())) {
                return "Team Lead";
            }
            if (id.equals(guild.championRoleId())) {
                return "Champion";
            }
            return id.equals(guild.botRoleId()) ? "Drill" : "unknown-role";
        }

        @Override
        public ZoneId zone() {
            return zone;
        }
    }
}
