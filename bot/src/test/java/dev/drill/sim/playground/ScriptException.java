package dev.drill.sim.playground;

/** A script line that cannot be parsed or run; the message says why, in words a script author can act on. */
public final class ScriptException extends RuntimeException {

    public ScriptException(String message) {
        super(message);
    }

    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
