package io.hookline.api.view;

import java.util.List;
import java.util.Map;

/** Mattermost's post list: ids newest first in {@code order}, the posts themselves keyed by id. */
public record PostList(List<String> order, Map<String, PostView> posts) {}
