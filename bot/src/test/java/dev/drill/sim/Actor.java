package dev.drill.sim;

import java.util.Map;

/**
 * One user acting in the simulated Discord: a member (alice, bob, carol, admin) or otherbot. Each action
 * changes the world and dispatches the gateway event Discord would send, then returns what it created.
 */
public final class Actor {

    private final Members members;
    private final SimUser user;

    Actor(Members members, SimUser user) {
        this.members = members;
        this.user = user;
    }

    public SimUser user() {
        return user;
    }

    /** Posts a message in a channel or thread; a locked thread refuses it with IllegalStateException. */
    public SimMessage say(String channelId, String content) {
        return members.say(user, channelId, content);
    }

    public SimMessage edit(SimMessage message, String content) {
        return members.edit(user, message.id(), content);
    }

    public void delete(SimMessage message) {
        members.delete(user, message.id());
    }

    public void react(SimMessage message, String emoji) {
        members.react(user, message.id(), emoji, true);
    }

    public void unreact(SimMessage message, String emoji) {
        members.react(user, message.id(), emoji, false);
    }

    /**
     * Runs a registered slash command, e.g. {@code slash(channel, "drill setup", Map.of("time", "09:00"))}.
     * Values are typed from the command's definition: strings, numbers, booleans; a user option takes a
     * member name or id, a channel option a channel id or #name, a role option a role id.
     */
    public SimInteraction slash(String channelId, String command, Map<String, ?> options) {
        requireHuman("run slash commands");
        return members.command(user, channelId, command, options, null);
    }

    public SimInteraction slash(String channelId, String command) {
        return slash(channelId, command, Map.of());
    }

    /**
     * Runs a global slash command in this user's DM with the bot (INTERACTION_CREATE with {@code user}, no
     * guild or member, context 1). Discord offers a command there only if its contexts allow bot DMs; this
     * refuses the others with IllegalArgumentException, as Discord's client would not show them.
     */
    public SimInteraction slashInDm(String command, Map<String, ?> options) {
        requireHuman("run slash commands");
        return members.dmCommand(user, command, options);
    }

    /** Types into an option with autocomplete: INTERACTION_CREATE type 4 with that option focused. */
    public SimInteraction autocomplete(String channelId, String command, Map<String, ?> options, String focusedOption) {
        requireHuman("use autocomplete");
        if (!options.containsKey(focusedOption)) {
            throw new IllegalArgumentException("the focused option '" + focusedOption + "' needs a (partial) value");
        }
        return members.command(user, channelId, command, options, focusedOption);
    }

    public SimInteraction click(SimMessage message, String customId) {
        requireHuman("click buttons");
        return members.click(user, message.id(), customId);
    }

    /** Submits the modal the bot opened in answer to {@code opened}, with these values by input id. */
    public SimInteraction submitModal(SimInteraction opened, Map<String, String> values) {
        requireHuman("submit modals");
        return members.submitModal(user, opened, values);
    }

    /** Submits that modal with {@code text} in its text input(s), as a member typing one answer. */
    public SimInteraction submitModal(SimInteraction opened, String text) {
        return submitModal(opened, Map.of(Members.EVERY_INPUT, text));
    }

    /** Runs a message context-menu command (Apps → name) on a message. */
    public SimInteraction messageCommand(String name, SimMessage target) {
        requireHuman("run context-menu commands");
        return members.messageCommand(user, target.id(), name);
    }

    private void requireHuman(String what) {
        if (user.bot()) {
            throw new IllegalStateException(user.name() + " is a bot; bots cannot " + what);
        }
    }
}
