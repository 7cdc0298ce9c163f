package io.hookline.web.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes each request's {@link HookAnswer} with a plain {@code new}. A producer, not a managed bean, because CDI
 * runs no injection on what a producer returns: Payara's resource-injection scan of a managed bean's class, run on
 * every instance, cost about 2.5 % of a hook request's CPU (bench/hooks-bench.sh --profile).
 */
@ApplicationScoped
public class HookAnswers {

    @Produces
    @RequestScoped
    static HookAnswer newAnswer() {
        return new HookAnswer();
    }
}
