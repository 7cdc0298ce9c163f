package io.hookline.web.hooks;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds {@link HookAnswerFilter} to the methods answering {@code POST /hooks/{id}} and {@code /hooks/{id}/posts/{post_id}}, and to nothing else. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RecordsDelivery {}
