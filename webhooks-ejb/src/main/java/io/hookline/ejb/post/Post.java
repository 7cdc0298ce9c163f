package io.hookline.ejb.post;

import io.hookline.api.view.PostView;
import io.hookline.ejb.common.Ids;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.StringReader;

/** A message in a channel. {@code message} is markdown; {@code props} a JSON object, as in Mattermost. */
@Entity
@Table(name = "posts")
@NamedQuery(name = Post.IN_CHANNEL_NEWEST_FIRST,
        query = "SELECT p FROM Post p WHERE p.channelId = :channelId AND p.deleteAt = 0 AND p.createAt >= :since"
                + " ORDER BY p.createAt DESC, p.id DESC")
// One index probe per channel (ix_posts_channel_create).
@NamedQuery(name = Post.NEWEST_PER_CHANNEL,
        query = "SELECT p.channelId, MAX(p.createAt) FROM Post p WHERE p.channelId IN :channelIds GROUP BY p.channelId")
// thread_ts naming a post by its Slack-shaped ts (ux_posts_ts).
@NamedQuery(name = Post.BY_TS, query = "SELECT p FROM Post p WHERE p.ts = :ts")
public class Post {

    public static final String IN_CHANNEL_NEWEST_FIRST = "Post.inChannelNewestFirst";
    public static final String BY_TS = "Post.byTs";
    static final String NEWEST_PER_CHANNEL = "Post.newestPerChannel";

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

    protected Post() {
    }

    public Post(String channelId, String userId, String rootId, String message, String type, JsonObject props,
                long now) {
        this.id = Ids.newId();
        this.channelId = channelId;
        this.userId = userId;
        this.rootId = rootId;
        this.message = message;
        this.type = type;
        this.props = props.toString();
        this.createAt = now;
        this.updateAt = now;
    }

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

    public PostView view() {
        JsonObject parsedProps;
        try (var reader = Json.createReader(new StringReader(props))) {
            parsedProps = reader.readObject();
        }
        return new PostView(id, createAt, updateAt, editAt, deleteAt, userId, channelId, rootId, message, type,
                parsedProps);
    }
}
