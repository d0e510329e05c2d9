package io.coderoom.server.sync.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a message whose {@code null} means something ("no problem"): it is always on the wire,
 * as a value or as {@code null}. The record offers an {@link java.util.Optional} accessor for it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface MayBeNull {}
