package dev.drill.sim.playground;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one line of the playground script language (DISCORD-SIM.md, "Playground script language") into a {@link ScriptLine}. */
public final class ScriptParser {

    /** The language, as {@code help} prints it. */
    public static final String LANGUAGE = """
            as <member>                  act as alice, bob, carol (members) or admin (Manage Server)
            /drill <sub> [name:value …]  run a slash command in the current channel (also /drill-admin <sub> …);
                                         a value runs to the next " name:" or is quoted "…"; #channel, @member, @role work
            say <text>                   post a message as the acting member in the current channel
            in #<channel> | in thread    move to a channel, or into the latest question thread
            edit last <text>             edit the acting member's last message
            delete last                  delete the acting member's last message
            react <emoji> <member>       react to <member>'s last message in the current channel, or the answer Drill
                                         posted for them (unreact: take it back)
            click <button label>         click a button on the latest bot message (or your ephemeral reply) that has it
            award <member>               "Award best answer" on <member>'s last message in the current channel
            submit <text>                fill the form the bot opened for the acting member (its text field) and submit it
            submit <input>:<value> …     fill the form's inputs by name (as slash options: quoted or up to the next name:)
            attach <file>                take bot/src/test/resources/playground/files/<file>; an option of the next
                                         command whose value is that file name uploads it (file:<file>)
            clock <ISO instant>          set the clock, e.g. 2041-03-25T06:00:00Z: a jump, as if the bot had been
                                         away; due work runs once, at the new time
            advance <duration>           let time pass, e.g. 1d, 2h30m, 90s, 1w: due work runs at each moment it
                                         falls due (every post and close on the way)
            redeliver                    deliver the last member event again
            restart bot                  stop the bot and start it again (same Redis, simulator and clock)
            restart bot without message-content
                                         the same, the bot run without Discord's Message Content intent
            restart redis                stop Redis and start it again from its own files (AOF)
            stop redis | start redis     stop Redis (the bot keeps running and retries), or start it again
            kill redis                   kill Redis at once (SIGKILL: no fsync), as a crash would; start redis
            stop bot | start bot         stop the bot (members can go on: what they do is not delivered to it),
                                         or start it: it catches up from the threads before the next line
            health                       the bot's /actuator/health: its status and each component's
            metrics [prefix]             the bot's Prometheus lines whose names start with prefix (default drill_)
            # comment                    blank lines and comments are ignored""";

    /** Discord's option names are lower case; ours start with a letter, so "at 10:30" stays inside a value. */
    private static final String NAME = "(\\p{Ll}[\\p{Ll}\\p{N}_-]*):";

    /** The next option after a value or the command path: whitespace, then name and colon. */
    private static final Pattern NEXT_OPTION = Pattern.compile("\\s" + NAME);

    /** An option right here, after the spaces have been skipped. */
    private static final Pattern OPTION_HERE = Pattern.compile(NAME);

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)([wdhms])");

    private ScriptParser() {}

    /** The line's meaning, or empty for a blank line or a {@code #} comment; a line it cannot read throws. */
    public static Optional<ScriptLine> parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Optional.empty();
        }
        if (trimmed.startsWith("/")) {
            return Optional.of(slash(trimmed.substring(1)));
        }
        String[] split = trimmed.split("\\s+", 2);
        String word = split[0].toLowerCase();
        String rest = split.length > 1 ? split[1].strip() : "";
        ScriptLine parsed = switch (word) {
            case "as" -> new ScriptLine.As(member(oneWord(word, rest, "a member, e.g. as alice")));
            case "say" -> new ScriptLine.Say(required(word, rest, "the text to post"));
            case "in" -> in(rest);
            case "edit" -> new ScriptLine.EditLast(required("edit last", after(word, rest, "last"), "the new text"));
            case "delete" -> {
                if (!after(word, rest, "last").isEmpty()) {
                    throw new ScriptException("delete takes no text: delete last");
                }
                yield new ScriptLine.DeleteLast();
            }
            case "react", "unreact" -> react(word, rest);
            case "click" ->
                new ScriptLine.Click(unquote(required(word, rest, "a button label, e.g. click Show model answer")));
            case "submit" -> submit(required(word, rest, "the text to submit, e.g. submit I would use a queue"));
            case "attach" -> {
                String file = oneWord(word, rest, "a file of the playground's files folder, e.g. attach ours.yaml");
                if (!file.matches("[A-Za-z0-9._-]+") || file.startsWith(".")) {
                    throw new ScriptException("attach takes a file name of the playground's files folder, not a path");
                }
                yield new ScriptLine.Attach(file);
            }
            case "award" -> new ScriptLine.Award(member(oneWord(word, rest, "a member, e.g. award alice")));
            case "clock" ->
                new ScriptLine.SetClock(
                        instant(oneWord(word, rest, "an ISO instant, e.g. clock 2041-03-25T06:00:00Z")));
            case "advance" -> new ScriptLine.Advance(duration(required(word, rest, "a duration, e.g. advance 1d")));
            case "redeliver" -> noArguments(word, rest, new ScriptLine.Redeliver());
            case "restart" -> restart(rest);
            case "stop", "start" -> stopStart(word, rest);
            case "kill" -> {
                if (!rest.equalsIgnoreCase("redis")) {
                    throw new ScriptException("kill what? kill redis");
                }
                yield new ScriptLine.KillRedis();
            }
            case "health" -> noArguments(word, rest, new ScriptLine.Health());
            case "metrics" -> new ScriptLine.Metrics(rest.isEmpty() ? "drill_" : oneWord(word, rest, "a prefix"));
            case "help" -> noArguments(word, rest, new ScriptLine.Help());
            default ->
                throw new ScriptException(
                        "unknown command '" + split[0]
                                + "'; a line starts with as, /drill, /drill-admin, say, in, edit, delete, react, unreact,"
                                + " click, submit, attach, award, clock, advance, redeliver, restart, stop, start, kill, health, metrics or help");
        };
        return Optional.of(parsed);
    }

    /**
     * {@code drill-admin setup channel:#daily-drill time:09:00 timezone:Europe/Berlin}: words up to the first
     * {@code name:} are the command path; each value runs to the next {@code name:} or is quoted.
     */
    static ScriptLine.Slash slash(String text) {
        Matcher first = NEXT_OPTION.matcher(text);
        int pathEnd = first.find() ? first.start() : text.length();
        List<String> path = List.of(text.substring(0, pathEnd).strip().split("\\s+"));
        if (path.get(0).isEmpty()) {
            throw new ScriptException("a slash command needs a name, e.g. /drill help");
        }
        Map<String, String> options = new LinkedHashMap<>();
        int at = skipSpaces(text, pathEnd);
        while (at < text.length()) {
            Matcher name = OPTION_HERE.matcher(text).region(at, text.length());
            if (!name.lookingAt()) {
                throw new ScriptException("expected name:value at '" + text.substring(at) + "'");
            }
            String option = name.group(1);
            int valueStart = name.end();
            String value;
            int next;
            if (valueStart < text.length() && text.charAt(valueStart) == '"') {
                int close = text.indexOf('"', valueStart + 1);
                if (close < 0) {
                    throw new ScriptException("the value of " + option + ": has no closing quote");
                }
                value = text.substring(valueStart + 1, close);
                next = close + 1;
                if (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
                    throw new ScriptException("after the quoted value of " + option + ": comes '" + text.substring(next)
                            + "'; put a space before the next name:value");
                }
            } else {
                Matcher following = NEXT_OPTION.matcher(text);
                next = following.find(valueStart) ? following.start() : text.length();
                value = text.substring(valueStart, next).strip();
            }
            if (value.isEmpty()) {
                throw new ScriptException("option " + option + ": has no value");
            }
            if (options.put(option, value) != null) {
                throw new ScriptException("option " + option + ": is given twice");
            }
            at = skipSpaces(text, next);
        }
        return new ScriptLine.Slash(path, options);
    }

    /** {@code submit prompt:"…" level:fresher} fills named inputs; any other text fills every input. */
    private static ScriptLine.Submit submit(String rest) {
        if (OPTION_HERE.matcher(rest).lookingAt()) {
            return new ScriptLine.Submit(rest, slash("form " + rest).options());
        }
        return new ScriptLine.Submit(rest);
    }

    /** 1w, 1d, 2h30m, 90s (units in any order, each at most once) or an ISO-8601 duration such as PT2H. */
    static Duration duration(String text) {
        String compact = text.replaceAll("\\s+", "").toLowerCase();
        if (compact.startsWith("p")) {
            try {
                return positive(text, Duration.parse(compact.toUpperCase()));
            } catch (DateTimeParseException e) {
                throw new ScriptException("'" + text + "' is not a duration; write e.g. 1d, 2h30m, 90s or 1w");
            }
        }
        Matcher part = DURATION_PART.matcher(compact);
        Duration total = Duration.ZERO;
        StringBuilder seen = new StringBuilder();
        int at = 0;
        while (at < compact.length()) {
            if (!part.find(at) || part.start() != at) {
                throw new ScriptException("'" + text + "' is not a duration; write e.g. 1d, 2h30m, 90s or 1w");
            }
            String unit = part.group(2);
            if (seen.indexOf(unit) >= 0) {
                throw new ScriptException("'" + text + "' gives " + unit + " twice");
            }
            seen.append(unit);
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (unit) {
                        case "w" -> Duration.ofDays(7 * amount);
                        case "d" -> Duration.ofDays(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofSeconds(amount);
                    });
            at = part.end();
        }
        if (compact.isEmpty()) {
            throw new ScriptException("advance needs a duration, e.g. advance 1d");
        }
        return positive(text, total);
    }

    private static Duration positive(String text, Duration duration) {
        if (duration.isNegative()) {
            throw new ScriptException("'" + text + "' goes backwards; use clock <instant> to go back in time");
        }
        return duration;
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ScriptException("'" + text + "' is not an ISO instant; write e.g. 2041-03-25T06:00:00Z");
        }
    }

    private static ScriptLine in(String rest) {
        String where = required("in", rest, "#<channel> or thread");
        if (where.equalsIgnoreCase("thread")) {
            return new ScriptLine.InThread();
        }
        if (where.contains(" ")) {
            throw new ScriptException("in takes one channel, e.g. in #general, or in thread");
        }
        return new ScriptLine.InChannel(where.replaceFirst("^#", ""));
    }

    private static ScriptLine react(String word, String rest) {
        String[] parts = required(word, rest, "an emoji and a member, e.g. " + word + " 👍 alice")
                .split("\\s+");
        if (parts.length != 2) {
            throw new ScriptException(word + " takes an emoji and a member, e.g. " + word + " 👍 alice");
        }
        return new ScriptLine.React(parts[0], member(parts[1]), word.equals("react"));
    }

    private static ScriptLine restart(String rest) {
        return switch (rest.toLowerCase()) {
            case "bot" -> new ScriptLine.RestartBot();
            case "bot without message-content" -> new ScriptLine.RestartBot(false);
            case "redis" -> new ScriptLine.RestartRedis();
            default ->
                throw new ScriptException(
                        "restart what? restart bot, restart bot without message-content, or restart redis");
        };
    }

    private static ScriptLine stopStart(String word, String rest) {
        return switch (rest.toLowerCase()) {
            case "redis" -> new ScriptLine.RedisRunning(word.equals("start"));
            case "bot" -> new ScriptLine.BotRunning(word.equals("start"));
            default -> throw new ScriptException(word + " what? " + word + " bot, or " + word + " redis");
        };
    }

    private static String member(String name) {
        return name.replaceFirst("^@", "");
    }

    private static String after(String word, String rest, String keyword) {
        String[] split = rest.split("\\s+", 2);
        if (!split[0].equalsIgnoreCase(keyword)) {
            throw new ScriptException(word + " works on your last message: " + word + " " + keyword
                    + (word.equals("edit") ? " <text>" : ""));
        }
        return split.length > 1 ? split[1].strip() : "";
    }

    private static String required(String word, String rest, String what) {
        if (rest.isEmpty()) {
            throw new ScriptException(word + " needs " + what);
        }
        return rest;
    }

    private static String oneWord(String word, String rest, String what) {
        String value = required(word, rest, what);
        if (value.contains(" ")) {
            throw new ScriptException(word + " takes one word: " + what);
        }
        return value;
    }

    private static ScriptLine noArguments(String word, String rest, ScriptLine line) {
        if (!rest.isEmpty()) {
            throw new ScriptException(word + " takes nothing after it");
        }
        return line;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
