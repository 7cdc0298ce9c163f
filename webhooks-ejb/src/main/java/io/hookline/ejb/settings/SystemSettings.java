package io.hookline.ejb.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The run-time switches of Mattermost's System Console (Service Settings), one row with id 1,
 * created with its defaults by the first migration.
 */
@Entity
@Table(name = "system_settings")
public class SystemSettings {

    /** The only row's id. */
    public static final int ID = 1;

    @Id
    private int id;
    @Column(name = "enable_incoming_webhooks")
    private boolean enableIncomingWebhooks;
    @Column(name = "enable_post_username_override")
    private boolean enablePostUsernameOverride;
    @Column(name = "enable_post_icon_override")
    private boolean enablePostIconOverride;
    @Column(name = "max_post_size")
    private int maxPostSize;
    @Column(name = "update_at")
    private long updateAt;

    protected SystemSettings() {
    }

    public boolean enableIncomingWebhooks() {
        return enableIncomingWebhooks;
    }

    public boolean enablePostUsernameOverride() {
        return enablePostUsernameOverride;
    }

    public boolean enablePostIconOverride() {
        return enablePostIconOverride;
    }

    public int maxPostSize() {
        return maxPostSize;
    }
}
