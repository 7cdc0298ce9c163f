package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.post.Post;
import io.hookline.ejb.settings.SettingsService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The hook pipeline: one transaction per request, so the integration hears "ok" only once the post
 * is committed. Checks run in Mattermost's order (enabled → hook → payload → channel → store).
 */
@Stateless
public class HookPoster {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SettingsService settings;

    public void post(String hookId, WebhookPayload payload) {
        if (!settings.current().enableIncomingWebhooks()) {
            throw new HooklineException(501, "hooks_disabled", "Incoming webhooks have been disabled by the system admin.");
        }
        IncomingHook hook = Ids.isWellFormed(hookId) ? em.find(IncomingHook.class, hookId) : null;
        if (hook == null || hook.isDeleted()) {
            // Same answer for "never existed" and "deleted": the URL reveals nothing about past hooks.
            throw HooklineException.notFound("no_service", "No incoming webhook exists at this URL.");
        }
        if (payload.text() == null || payload.text().isBlank()) {
            throw HooklineException.badRequest("no_text", "The payload has no text.");
        }
        JsonObject props = Json.createObjectBuilder()
                .add("from_webhook", "true")
                .add("webhook_display_name", hook.view().displayName())
                .build();
        em.persist(new Post(hook.channelId(), hook.userId(), payload.text(), "", props, System.currentTimeMillis()));
    }
}
