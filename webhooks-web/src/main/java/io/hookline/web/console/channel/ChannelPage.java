package io.hookline.web.console.channel;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.ChannelView;
import io.hookline.api.view.PostList;
import io.hookline.api.view.UserView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.post.ChannelPosts;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One channel's posts, oldest at the top and newest at the bottom, as Mattermost's message list: the
 * newest {@link #PAGE_SIZE} first, older ones a page at a time on request, new ones as they commit (the
 * page's live stream calls {@link #loadNewer()}). Posts are rendered once, when loaded, by the shared
 * renderer.
 */
@Named
@ViewScoped
public class ChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Posts per page of history. */
    public static final int PAGE_SIZE = 30;
    /** The longest history one view shows ({@code MAX_PAGES} × {@link #PAGE_SIZE} posts). */
    public static final int MAX_PAGES = 50;
    /** How far before the newest post shown a live refresh looks, for posts that committed late. */
    static final long LATE_COMMIT_WINDOW_MS = 5_000;

    private String id;
    private ChannelView channel;
    /** Rendered posts by id, in any order; {@link #getPosts()} sorts them. */
    private final Map<String, PostCard> cards = new LinkedHashMap<>();
    private int pages = 1;
    private boolean mayHaveOlder;

    @Inject
    private ConsoleCaller me;
    @Inject
    private ChannelDirectory directory;
    @Inject
    private ChannelPosts posts;
    @Inject
    private UserAdmin users;

    /**
     * View action: the channel (403 when the caller may not read it, 404 when there is none) and its
     * newest {@code pages} × {@link #PAGE_SIZE} posts. "Load older messages" is a plain link to the same
     * page with one more page: no view state to lose, and a long history can be bookmarked.
     */
    public void open() {
        try {
            channel = directory.get(me.caller(), id);
            cards.clear();
            pages = Math.max(1, Math.min(pages, MAX_PAGES));
            int loaded = 0;
            for (int page = 0; page < pages; page++) {
                int got = add(posts.page(me.caller(), id, Page.of(page, PAGE_SIZE), 0));
                loaded += got;
                if (got < PAGE_SIZE) {
                    break;
                }
            }
            mayHaveOlder = loaded == pages * PAGE_SIZE && pages < MAX_PAGES;
        } catch (HooklineException e) {
            ConsolePages.refusePage(e);
        }
    }

    /** Called by the live stream: the posts that committed since the newest one shown. */
    public void loadNewer() {
        long newest = cards.values().stream().mapToLong(PostCard::createAt).max().orElse(0);
        // A post stamped a little before the newest shown may commit after it (concurrent requests):
        // look back a few seconds; posts already shown are simply replaced.
        add(posts.page(me.caller(), id, Page.of(0, Page.MAX_PER_PAGE), Math.max(0, newest - LATE_COMMIT_WINDOW_MS)));
    }

    private int add(PostList page) {
        Map<String, UserView> authors = new HashMap<>();
        for (String postId : page.order()) {
            cards.put(postId, PostCards.of(page.posts().get(postId),
                    userId -> authors.computeIfAbsent(userId, this::userOrNull)));
        }
        return page.order().size();
    }

    private UserView userOrNull(String userId) {
        try {
            return users.get(userId);
        } catch (HooklineException gone) {
            return null;
        }
    }

    public List<PostCard> getPosts() {
        List<PostCard> list = new ArrayList<>(cards.values());
        list.sort(Comparator.comparingLong(PostCard::createAt).thenComparing(PostCard::id));
        return list;
    }

    public boolean isMayHaveOlder() {
        return mayHaveOlder;
    }

    public ChannelView getChannel() {
        return channel;
    }

    public int getPages() {
        return pages;
    }

    public void setPages(int pages) {
        this.pages = pages;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
