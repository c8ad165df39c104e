package dev.drill.discord;

/**
 * The two top-level commands. Discord grants command permissions per top-level command only, so the
 * admin subcommands live under their own command that Discord itself hides from members without Manage
 * Server.
 */
public final class CommandNames {

    public static final String DRILL = "drill";
    public static final String ADMIN = "drill-admin";

    private CommandNames() {}
}
