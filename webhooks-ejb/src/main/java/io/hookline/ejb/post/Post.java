package io.hookline.ejb.post;

import io.hookline.api.view.PostView;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.StringReader;

/** A message in a channel. {@code message} is markdown; {@code props} a JSON object, as in Mattermost. */
@Entity
@Table(name = "posts")
@NamedQuery(
        name = Post.IN_CHANNEL_NEWEST_FIRST,
        query = "SELECT p FROM Post p WHERE p.channelId = :channelId AND p.deleteAt = 0 AND p.createAt >= :since"
                + " ORDER BY p.createAt DESC, p.id DESC")
// One index probe per channel (ix_posts_channel_update). update_at, not create_at: a new post has
// update_at = create_at, and an edit or delete moves update_at only, so this sees all three.
@NamedQuery(
        name = Post.NEWEST_PER_CHANNEL,
        query = "SELECT p.channelId, MAX(p.updateAt) FROM Post p WHERE p.channelId IN :channelIds GROUP BY p.channelId")
// Posts edited or deleted since a time, deleted ones included (a view must drop them); ix_posts_channel_update.
@NamedQuery(
        name = Post.CHANGED_IN_CHANNEL,
        query = "SELECT p FROM Post p WHERE p.channelId = :channelId AND p.updateAt >= :since"
                + " AND p.updateAt > p.createAt ORDER BY p.updateAt DESC, p.id DESC")
// thread_ts naming a post by its Slack-shaped ts (ux_posts_ts).
@NamedQuery(name = Post.BY_TS, query = "SELECT p FROM Post p WHERE p.ts = :ts")
public class Post {

    /** Looked up once: {@code Json.create…} asks the ServiceLoader for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String IN_CHANNEL_NEWEST_FIRST = "Post.inChannelNewestFirst";
    public static final String BY_TS = "Post.byTs";
    static final String NEWEST_PER_CHANNEL = "Post.newestPerChannel";
    static final String CHANGED_IN_CHANNEL = "Post.changedInChannel";

    @Id
    private String id;

    @Column(name = "channel_id")
    private String channelId;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "root_id")
    private String rootId;

    private String message;
    private String type;
    private String props;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "update_at")
    private long updateAt;

    @Column(name = "edit_at")
    private long editAt;

    @Column(name = "delete_at")
    private long deleteAt;
    /** Slack-shaped, unique (PostTimestamps); null for posts stored before V11. */
    private String ts;
    /** The hook that created the post, the only one that may edit or delete it; null for any other post. */
    @Column(name = "hook_id")
    private String hookId;

    protected Post() {}

    public String id() {
        return id;
    }

    public String rootId() {
        return rootId;
    }

    public String channelId() {
        return channelId;
    }

    public String ts() {
        return ts;
    }

    public boolean isDeleted() {
        return deleteAt != 0;
    }

    public long updateAt() {
        return updateAt;
    }

    /** Whether {@code hookId} created this post and it is not deleted: what a hook may read, edit or delete. */
    public boolean isLiveFromHook(String hookId) {
        return deleteAt == 0 && hookId != null && hookId.equals(this.hookId);
    }

    /** Replaces the message, type and props, as an edit: {@code edit_at} and {@code update_at} become {@code now}. */
    public void edit(String message, String type, String props, long now) {
        this.message = message;
        this.type = type;
        this.props = props;
        this.editAt = now;
        this.updateAt = now;
    }

    /** Marks the post deleted, as Mattermost does (the row stays; every read skips it). */
    public void delete(long now) {
        this.deleteAt = now;
        this.updateAt = now;
    }

    public PostView view() {
        JsonObject parsedProps;
        try (var reader = JSON.createReader(new StringReader(props))) {
            parsedProps = reader.readObject();
        }
        return new PostView(
                id, createAt, updateAt, editAt, deleteAt, userId, channelId, rootId, message, type, parsedProps);
    }
}
