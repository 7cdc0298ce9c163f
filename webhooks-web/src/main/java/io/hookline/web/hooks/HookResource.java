package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.hook.HookDelivery;
import io.hookline.ejb.hook.HookPoster;
import io.hookline.ejb.settings.SettingsService;
import io.hookline.web.live.PostsCommitted;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** {@code POST /hooks/{id}}: parse the body, post it, answer exactly {@code ok} once it is committed. */
@Path("{id}")
@RequestScoped
public class HookResource {

    @Inject
    private HookPoster poster;

    @Inject
    private SettingsService settings;

    @Inject
    private Event<PostsCommitted> committed;

    @POST
    public Response post(@PathParam("id") String hookId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         InputStream body) throws IOException {
        int maxBytes = settings.current().maximumPayloadSizeBytes();
        WebhookPayload payload = HookBodyParser.parse(contentType, readCapped(body, maxBytes));
        HookDelivery delivery = poster.post(hookId, payload);
        // HookPoster's transaction has committed by now: open channel views may show the posts.
        committed.fire(new PostsCommitted(delivery.channelId(), delivery.postIds()));
        // Exactly the two bytes "ok": several real clients compare the body byte for byte.
        return Response.ok("ok", MediaType.TEXT_PLAIN_TYPE).build();
    }

    /**
     * Reads at most {@code maxBytes} (ServiceSettings.MaximumPayloadSizeBytes), stopping with 413 as
     * soon as the body goes past it, so an oversized body is never buffered whole.
     */
    static byte[] readCapped(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > maxBytes) {
                throw new HooklineException(413, "payload_too_large",
                        "The request body is larger than " + maxBytes + " bytes.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
