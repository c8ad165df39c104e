package dev.drill.discord;

/** Discord refused the login for a reason that waiting cannot heal; the message says what to do. */
public final class DiscordLoginException extends RuntimeException {

    static final String TOKEN_REJECTED = "Discord rejected the bot token (401 Unauthorized): it was reset or"
            + " mistyped. Open https://discord.com/developers/applications, choose the application, Bot → Reset"
            + " Token, put the new token into DISCORD_TOKEN and start Drill again.";

    static final String INTENT_MISSING = "Discord refused the connection (close code 4014, disallowed intents):"
            + " Drill reads answers in threads and needs the Message Content intent. Open"
            + " https://discord.com/developers/applications, choose the application, Bot → Privileged Gateway"
            + " Intents, turn on MESSAGE CONTENT INTENT, save, and start Drill again; or run without it"
            + " (DRILL_DISCORD_MESSAGE_CONTENT=false) and let members answer with the Answer button"
            + " (/drill-admin setup answers:modal).";

    DiscordLoginException(String sentence) {
        super(sentence, null, false, false);
    }
}
