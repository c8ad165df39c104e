package dev.drill.discord;

/**
 * Who may use a command, button or menu action. Declared by the command; the router checks it before the
 * command runs, so no command can forget the check, and each level has one refusal sentence.
 */
public enum Access {
    /** Every member of the server. */
    EVERYONE(""),
    /** Members with Manage Server (every {@code /drill-admin} subcommand). */
    MANAGE_SERVER("Only members with the Manage Server permission can do that; nothing was changed."),
    /** Members with Manage Server, or the reviewer role set in {@code /drill-admin setup}. */
    REVIEWER("Only members with Manage Server (or the reviewer role set in /drill-admin setup) can do that;"
            + " nothing was changed.");

    private final String refusal;

    Access(String refusal) {
        this.refusal = refusal;
    }

    /** What a member who may not is told. */
    public String refusal() {
        return refusal;
    }
}
