package io.hookline.web.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an /api/v4 method callable without a token (login). Everything else requires one: deny by default. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {

    /**
     * True when the method never asks who calls: a token that comes along is not checked at all. Mattermost clients
     * send theirs with every ping, and checking it would cost the database round trips the ping must not cost.
     */
    boolean anonymous() default false;
}
