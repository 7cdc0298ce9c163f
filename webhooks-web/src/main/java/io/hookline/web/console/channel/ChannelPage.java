package io.hookline.web.console.channel;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.ChannelView;
import io.hookline.api.view.PostList;
import io.hookline.api.view.PostView;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One channel's posts, oldest at the top and newest at the bottom, as Mattermost's message list: the
 * newest {@link #PAGE_SIZE} first, older ones a page at a time on request, new ones as they commit (the
 * page's live stream calls {@link #loadNewer()}). Posts are rendered once, when loaded, by the shared
 * renderer, and held in a bounded {@link PostWindow}: the oldest leave as newer arrive.
 */
@Named
@ViewScoped
public class ChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Posts per page of history. */
    public static final int PAGE_SIZE = 30;
    /** How far before the newest post shown a live refresh looks, for posts that committed late. */
    static final long LATE_COMMIT_WINDOW_MS = 5_000;

    private String id;
    private ChannelView channel;
    /** The rendered posts, bounded: see {@link ChannelViewLimits}. */
    private final PostWindow window = new PostWindow(ChannelViewLimits.configured());

    private int pages = 1;
    private boolean mayHaveOlder;
    private boolean historyClipped;
    /** The newest {@code update_at} this view has seen: edits and deletes from then on are applied. */
    private long changesSeen;

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
            window.clear();
            // Any change committed from now on is newer than this (within LATE_COMMIT_WINDOW_MS of clock skew).
            changesSeen = System.currentTimeMillis();
            ChannelViewLimits limits = ChannelViewLimits.configured();
            pages = limits.clampPages(pages);
            boolean more = true;
            // Newest page first; stop as soon as the window is full, so a huge history is never loaded.
            for (int page = 0; page < pages && more && !window.isFull(); page++) {
                more = add(posts.page(me.caller(), id, Page.of(page, PAGE_SIZE), 0)) == PAGE_SIZE;
            }
            mayHaveOlder = more && !window.isFull() && !window.droppedAny() && pages < limits.maxPages();
            historyClipped = more && !mayHaveOlder;
        } catch (HooklineException e) {
            ConsolePages.refusePage(e);
        }
    }

    /** Called by the live stream: the posts that committed since the newest one shown, and edits and deletes. */
    public void loadNewer() {
        long newest = window.newestCreateAt();
        // A post stamped a little before the newest shown may commit after it (concurrent requests):
        // look back a few seconds; posts already shown are simply replaced.
        add(posts.page(me.caller(), id, Page.of(0, Page.MAX_PER_PAGE), Math.max(0, newest - LATE_COMMIT_WINDOW_MS)));
        applyChanges();
    }

    /**
     * Edits redraw the posts shown in place, deletes drop them; both found by {@code update_at}, looking back
     * as far as for new posts (a change applied twice changes nothing). Posts older than the window stay out.
     */
    private void applyChanges() {
        Map<String, UserView> authors = new HashMap<>();
        for (PostView changed : posts.changedSince(
                me.caller(), id, Math.max(0, changesSeen - LATE_COMMIT_WINDOW_MS), Page.MAX_PER_PAGE)) {
            changesSeen = Math.max(changesSeen, changed.updateAt());
            if (changed.deleteAt() != 0) {
                window.remove(changed.id());
            } else {
                window.replace(PostCards.of(changed, userId -> authors.computeIfAbsent(userId, this::userOrNull)));
            }
        }
    }

    private int add(PostList page) {
        Map<String, UserView> authors = new HashMap<>();
        for (String postId : page.order()) {
            window.put(PostCards.of(
                    page.posts().get(postId), userId -> authors.computeIfAbsent(userId, this::userOrNull)));
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
        return window.posts();
    }

    /** Whether older posts were left out because the view holds no more (the page says so). */
    public boolean isHistoryClipped() {
        return historyClipped || window.droppedAny();
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
