package dev.drill.content;

/**
 * A content file that cannot be used. Its message names the file, the field and, where known, the line,
 * so an author can fix it without reading a stack trace.
 */
public final class ContentException extends RuntimeException {

    private final String file;
    private final String field;
    private final int line;
    private final String problem;

    ContentException(String file, String field, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : "field '" + field + "' ") + problem);
        this.file = file;
        this.field = field;
        this.line = line;
        this.problem = problem;
    }

    /** What is wrong, without the file, field and line. */
    public String problem() {
        return problem;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }

    /** 1-based line, or 0 when the parser could not tell. */
    public int line() {
        return line;
    }
}
