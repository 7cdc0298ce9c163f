package io.hookline.web.api.body;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the body parameter of an {@code /api/v4} method whose body may be empty (the method reads it as a
 * {@code String} and owns its defaults), so {@link RequiredBody} lets an empty one through.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OptionalBody {}
