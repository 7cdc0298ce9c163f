package io.hookline.web.console.channel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The posts one channel view holds: the newest ones within {@link ChannelViewLimits}, older ones dropped
 * as newer arrive. The one owner of the view's memory bound. A post bigger than the per-post bound keeps
 * its message and as many attachments as fit (then it is marked {@link PostCard#clipped()}), so one
 * huge post can neither push every other post out nor break the bound.
 */
public final class PostWindow implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Comparator<PostCard> OLDEST_FIRST =
            Comparator.comparingLong(PostCard::createAt).thenComparing(PostCard::id);

    private final int maxPosts;
    private final long maxBytes;
    private final long maxPostBytes;
    private final Map<String, Entry> byId = new HashMap<>();
    private final TreeSet<PostCard> ordered = new TreeSet<>(OLDEST_FIRST);
    private long bytes;
    private boolean dropped;

    private record Entry(PostCard card, long bytes) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public PostWindow(ChannelViewLimits limits) {
        this.maxPosts = limits.maxPosts();
        this.maxBytes = limits.maxBytes();
        this.maxPostBytes = limits.maxPostBytes();
    }

    /** Adds or replaces a post, then drops the oldest until the window is within its bounds again. */
    public void put(PostCard card) {
        PostCard fitted = fit(card);
        remove(fitted.id());
        long size = RenderedSize.of(fitted);
        byId.put(fitted.id(), new Entry(fitted, size));
        ordered.add(fitted);
        bytes += size;
        while (ordered.size() > maxPosts || (bytes > maxBytes && ordered.size() > 1)) {
            remove(ordered.first().id());
            dropped = true;
        }
    }

    /** Replaces a post the window holds (an edit); a post it does not hold stays out (it is older than the window). */
    public void replace(PostCard card) {
        if (byId.containsKey(card.id())) {
            put(card);
        }
    }

    /** Drops a post (deleted); nothing when the window does not hold it. */
    public void remove(String id) {
        Entry old = byId.remove(id);
        if (old != null) {
            ordered.remove(old.card());
            bytes -= old.bytes();
        }
    }

    /** The card cut to the per-post bound: attachments from the last, then (never for a valid post) the message. */
    PostCard fit(PostCard card) {
        if (RenderedSize.of(card) <= maxPostBytes) {
            return card;
        }
        List<AttachmentCard> kept = new ArrayList<>(card.attachments());
        PostCard cut = card.clipped(kept);
        while (!kept.isEmpty() && RenderedSize.of(cut) > maxPostBytes) {
            kept.remove(kept.size() - 1);
            cut = card.clipped(kept);
        }
        if (RenderedSize.of(cut) > maxPostBytes) {
            cut = cut.withoutMessage();
        }
        return cut;
    }

    /** The posts, oldest first. */
    public List<PostCard> posts() {
        return List.copyOf(ordered);
    }

    public boolean isFull() {
        return ordered.size() >= maxPosts || bytes >= maxBytes;
    }

    /** Whether any post was dropped to stay within the bounds (older history is then not shown). */
    public boolean droppedAny() {
        return dropped;
    }

    public int size() {
        return ordered.size();
    }

    public long bytes() {
        return bytes;
    }

    /** The newest post's time, 0 when empty. */
    public long newestCreateAt() {
        return ordered.isEmpty() ? 0 : ordered.last().createAt();
    }

    public void clear() {
        byId.clear();
        ordered.clear();
        bytes = 0;
        dropped = false;
    }
}
