package io.hookline.web.api.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hookline.api.view.LoginRequest;
import io.hookline.api.view.NewChannelRequest;
import io.hookline.api.view.NewHookRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

class BodyNamesTest {

    @Test
    void bodiesAreNamedForWhatTheyCreate() {
        assertEquals("channel", BodyNames.of(NewChannelRequest.class));
        assertEquals("hook", BodyNames.of(NewHookRequest.class));
        assertEquals("login", BodyNames.of(LoginRequest.class));
        assertEquals("body", BodyNames.of(JsonObject.class));
        assertEquals("body", BodyNames.of(JsonArray.class));
        assertEquals("body", BodyNames.of(String.class));
    }

    @SuppressWarnings("unused")
    static final class Resource {
        public void update(@PathParam("id") String id, @QueryParam("q") String q, NewHookRequest body) {}

        public void restore(@PathParam("id") String id, @Context SecurityContext security) {}
    }

    @Test
    void theBodyParameterIsTheOneWithoutAJaxRsAnnotation() throws NoSuchMethodException {
        assertEquals(
                NewHookRequest.class,
                RequiredBody.bodyType(
                        Resource.class.getMethod("update", String.class, String.class, NewHookRequest.class)));
        assertNull(RequiredBody.bodyType(Resource.class.getMethod("restore", String.class, SecurityContext.class)));
    }
}
