package io.hookline.it;

import java.net.http.HttpResponse;

/**
 * The two ways the spec's curl examples send a hook's JSON; every spec example is tested in both, with the same
 * assertions: as {@code curl -d 'payload={...}'} sends it (a form, the JSON raw after {@code payload=}, not
 * URL-encoded) and as {@code curl -H 'Content-Type: application/json' -d '{...}'}.
 */
enum HookEncoding {
    FORM,
    JSON;

    /** POSTs the JSON to {@code /hooks/{id}} in this encoding, without credentials. */
    HttpResponse<String> send(String hookId, String json) {
        return this == FORM ? ApiFixtures.hookForm(hookId, json) : ApiFixtures.hookJson(hookId, json);
    }
}
