package dev.drill.discord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import org.springframework.stereotype.Component;

/** Every command and button of the bot, by name, built once at start-up; a duplicate name stops start-up. */
@Component
public final class CommandRegistry {

    private final Map<String, SlashCommand> slash = new LinkedHashMap<>();
    private final Map<String, MessageCommand> message = new LinkedHashMap<>();
    private final Map<String, ButtonHandler> buttons = new LinkedHashMap<>();
    private final Map<String, ModalHandler> modals = new LinkedHashMap<>();

    public CommandRegistry(
            List<SlashCommand> slash,
            List<MessageCommand> message,
            List<ButtonHandler> buttons,
            List<ModalHandler> modals) {
        slash.stream()
                .sorted(Comparator.comparing(SlashCommand::fullName))
                .forEach(c -> put(this.slash, key(c.parent(), c.fullName()), c));
        // Discord gates /drill-admin by Manage Server; our own check must agree for every subcommand.
        slash.stream()
                .filter(c -> c.parent().equals(CommandNames.ADMIN) && c.access() != Access.MANAGE_SERVER)
                .findFirst()
                .ifPresent(c -> {
                    throw new IllegalStateException(
                            "/" + CommandNames.ADMIN + " " + c.name() + " must declare Access.MANAGE_SERVER");
                });
        message.forEach(c -> put(this.message, c.name(), c));
        buttons.forEach(b -> put(this.buttons, b.prefix(), b));
        modals.forEach(m -> put(this.modals, m.prefix(), m));
    }

    private static <T> void put(Map<String, T> map, String name, T value) {
        if (map.putIfAbsent(name, value) != null) {
            throw new IllegalStateException("Two commands are named '" + name + "'");
        }
    }

    static String key(String parent, String sub) {
        return parent + " " + sub;
    }

    /** {@code sub} is the subcommand's name, or its group and name ({@code pair join}). */
    public Optional<SlashCommand> slash(String parent, String sub) {
        return Optional.ofNullable(slash.get(key(parent, sub)));
    }

    public Optional<MessageCommand> message(String name) {
        return Optional.ofNullable(message.get(name));
    }

    public Optional<ButtonHandler> button(String prefix) {
        return Optional.ofNullable(buttons.get(prefix));
    }

    public Optional<ModalHandler> modal(String prefix) {
        return Optional.ofNullable(modals.get(prefix));
    }

    /** The definitions sent to Discord: {@code /drill}, {@code /drill-admin} and the message commands. */
    public List<CommandData> definitions() {
        SlashCommandData drill = Commands.slash(CommandNames.DRILL, "Daily backend interview practice")
                .setContexts(InteractionContextType.GUILD);
        SlashCommandData admin = Commands.slash(CommandNames.ADMIN, "Set up and run Drill in this server")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
        Map<String, SubcommandGroupData> groups = new LinkedHashMap<>();
        for (SlashCommand command : slash.values()) {
            SlashCommandData parent = command.parent().equals(CommandNames.ADMIN) ? admin : drill;
            SubcommandGroupData group = command.group();
            if (group == null) {
                parent.addSubcommands(command.definition());
                continue;
            }
            // One group object per parent and name, made once and filled with its subcommands.
            groups.computeIfAbsent(command.parent() + " " + group.getName(), k -> {
                        SubcommandGroupData made = new SubcommandGroupData(group.getName(), group.getDescription());
                        parent.addSubcommandGroups(made);
                        return made;
                    })
                    .addSubcommands(command.definition());
        }
        List<CommandData> all = new ArrayList<>(List.of(drill, admin));
        message.values().forEach(c -> all.add(c.definition()));
        return all;
    }

    /** Subcommands of one parent, for the help text. */
    public List<SlashCommand> slashCommands(String parent) {
        return slash.values().stream().filter(c -> c.parent().equals(parent)).toList();
    }
}
