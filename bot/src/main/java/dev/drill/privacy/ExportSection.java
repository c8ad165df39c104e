package dev.drill.privacy;

/**
 * One section of {@code /drill-admin export}'s JSON file: a feature that keeps data of a guild adds a bean
 * (settings, rounds and boards are here; a guild's own questions add theirs), and the export lists it.
 */
public interface ExportSection {

    /** The section's key in the file, e.g. {@code rounds}; sections are written in {@link #order()}. */
    String name();

    /** Where the section goes in the file (lower first). */
    default int order() {
        return 100;
    }

    /** The section's data (maps, lists, strings and numbers) and a few words for the reply. */
    Part export(long guild);

    /** @param summary e.g. {@code 12 rounds}, for the reply's list of what the file holds */
    record Part(Object data, String summary) {}
}
