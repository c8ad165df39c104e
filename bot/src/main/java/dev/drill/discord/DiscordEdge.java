package dev.drill.discord;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a feature class that speaks JDA on the feature's behalf without being a command, button,
 * modal or listener: a renderer (record in, Discord message out) or the adapter of a domain port such as
 * {@code RoundPublisher}. The architecture tests allow JDA in such a class, and in no other feature class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Documented
public @interface DiscordEdge {}
