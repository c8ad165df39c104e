package dev.drill.discord;

/**
 * A failure as it may be logged from a command: the exception types and stack traces of the chain, without
 * their messages. A message can quote what a member typed (a parse error of an option, a script's arguments),
 * and member input is never logged: the log names the command and the guild instead.
 */
public final class Redacted extends RuntimeException {

    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld: it may quote member input)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** The same chain of types and stack frames, without a message; {@code null} stays null. */
    public static Throwable of(Throwable failure) {
        if (failure == null) {
            return null;
        }
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 20 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable redacted = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            redacted = new Redacted(chain.get(i), redacted);
        }
        return redacted;
    }
}
