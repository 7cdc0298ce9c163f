package io.hookline.ejb.hook;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.HookView;
import io.hookline.api.view.NewHookRequest;
import io.hookline.ejb.channel.Channel;
import io.hookline.ejb.channel.ChannelAccess;
import io.hookline.ejb.channel.ChannelType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Creates and manages incoming webhooks on behalf of signed-in users. */
@Stateless
public class HookAdmin {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAccess access;

    /**
     * A new hook for a public channel or private group the caller can read; the caller becomes its
     * creator, whose name and icon its posts carry unless overridden.
     */
    public HookView create(Caller caller, NewHookRequest request) {
        if (request == null || request.channelId() == null || request.channelId().isBlank()) {
            throw HooklineException.badRequest("model.incoming_hook.channel_id.app_error",
                    "Invalid channel_id: the hook needs a channel.");
        }
        HookDetails details = HookDetails.from(request);
        Channel channel = access.readable(caller, request.channelId());
        if (channel.type() == ChannelType.D) {
            throw HooklineException.badRequest("api.incoming_webhook.invalid_channel.app_error",
                    "Incoming webhooks post to a public channel or private group, not a direct message.");
        }
        if (channel.isArchived()) {
            throw HooklineException.badRequest("api.incoming_webhook.archived_channel.app_error",
                    "The channel is archived.");
        }
        IncomingHook hook = new IncomingHook(caller.userId(), channel.id(), channel.teamId(), details,
                System.currentTimeMillis());
        em.persist(hook);
        return hook.view();
    }
}
