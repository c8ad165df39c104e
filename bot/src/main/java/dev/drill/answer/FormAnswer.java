package dev.drill.answer;

/**
 * An answer given with the Answer button, as the bot posts it in the round's thread.
 *
 * @param blind posted by the reveal of blind answers
 */
record FormAnswer(long member, String name, String text, boolean blind) {

    FormAnswer {
        name = name == null || name.isBlank() ? "member " + member : name;
        text = text == null ? "" : text;
    }
}
