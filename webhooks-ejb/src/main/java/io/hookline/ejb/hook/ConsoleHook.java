package io.hookline.ejb.hook;

import io.hookline.api.view.HookView;

/**
 * A hook as the console links to it: {@code key} goes into edit-page URLs instead of the hook id, which is
 * the secret of the hook's URL. Not part of the API's JSON: API clients address hooks by id, as in Mattermost.
 */
public record ConsoleHook(String key, HookView hook) {}
