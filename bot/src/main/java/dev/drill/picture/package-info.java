/**
 * Pictures: the leaderboard card and a member's progress card, drawn in-process with Java2D from plain
 * records into PNG bytes. No JDA, no Redis: the score feature reads the data and attaches the bytes. Text is
 * drawn with the bundled DejaVu Sans ({@code resources/fonts/}), never a system font, so the same input gives
 * the same pixels on every machine with the same JDK.
 */
package dev.drill.picture;
