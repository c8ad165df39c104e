package dev.drill.questions;

/** A member's suggested question, waiting in the review channel: who, what, at which level. */
record Suggestion(String id, long author, String prompt, String level) {}
