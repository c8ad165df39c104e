package dev.drill.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * A feature's Redis store: the only kind of class outside this package that may use Spring Data Redis (the
 * architecture tests hold every other class to it). A plain component otherwise: unlike
 * {@code @Repository}, it asks for no exception-translation proxy.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface Store {}
