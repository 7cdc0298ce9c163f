-- Hookline's first schema. Portable SQL only: it must run unchanged on Payara's embedded H2 (2.x)
-- and on PostgreSQL. Ids are application-generated 26-character strings; times are epoch
-- milliseconds, as in Mattermost; delete_at = 0 means "not deleted".

CREATE TABLE teams (
    id           VARCHAR(26)  NOT NULL PRIMARY KEY,
    name         VARCHAR(64)  NOT NULL,
    display_name VARCHAR(64)  NOT NULL,
    description  VARCHAR(255) NOT NULL,
    type         CHAR(1)      NOT NULL,
    create_at    BIGINT       NOT NULL,
    update_at    BIGINT       NOT NULL,
    delete_at    BIGINT       NOT NULL,
    CONSTRAINT uq_teams_name UNIQUE (name)
);

CREATE TABLE users (
    id            VARCHAR(26)  NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    email         VARCHAR(128) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    nickname      VARCHAR(64)  NOT NULL,
    first_name    VARCHAR(64)  NOT NULL,
    last_name     VARCHAR(64)  NOT NULL,
    roles         VARCHAR(256) NOT NULL,
    create_at     BIGINT       NOT NULL,
    update_at     BIGINT       NOT NULL,
    delete_at     BIGINT       NOT NULL,
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE team_members (
    team_id   VARCHAR(26)  NOT NULL,
    user_id   VARCHAR(26)  NOT NULL,
    roles     VARCHAR(256) NOT NULL,
    create_at BIGINT       NOT NULL,
    delete_at BIGINT       NOT NULL,
    CONSTRAINT pk_team_members PRIMARY KEY (team_id, user_id),
    CONSTRAINT fk_team_members_team FOREIGN KEY (team_id) REFERENCES teams (id),
    CONSTRAINT fk_team_members_user FOREIGN KEY (user_id) REFERENCES users (id)
);

-- team_id is NULL for direct-message channels (type D), which belong to no team.
CREATE TABLE channels (
    id           VARCHAR(26)   NOT NULL PRIMARY KEY,
    team_id      VARCHAR(26),
    type         CHAR(1)       NOT NULL,
    name         VARCHAR(64)   NOT NULL,
    display_name VARCHAR(64)   NOT NULL,
    header       VARCHAR(1024) NOT NULL,
    purpose      VARCHAR(250)  NOT NULL,
    creator_id   VARCHAR(26)   NOT NULL,
    create_at    BIGINT        NOT NULL,
    update_at    BIGINT        NOT NULL,
    delete_at    BIGINT        NOT NULL,
    CONSTRAINT uq_channels_team_name UNIQUE (team_id, name),
    CONSTRAINT fk_channels_team FOREIGN KEY (team_id) REFERENCES teams (id)
);

CREATE TABLE channel_members (
    channel_id VARCHAR(26)  NOT NULL,
    user_id    VARCHAR(26)  NOT NULL,
    roles      VARCHAR(256) NOT NULL,
    create_at  BIGINT       NOT NULL,
    CONSTRAINT pk_channel_members PRIMARY KEY (channel_id, user_id),
    CONSTRAINT fk_channel_members_channel FOREIGN KEY (channel_id) REFERENCES channels (id),
    CONSTRAINT fk_channel_members_user FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE TABLE incoming_hooks (
    id             VARCHAR(26)   NOT NULL PRIMARY KEY,
    user_id        VARCHAR(26)   NOT NULL,
    channel_id     VARCHAR(26)   NOT NULL,
    team_id        VARCHAR(26)   NOT NULL,
    display_name   VARCHAR(64)   NOT NULL,
    description    VARCHAR(500)  NOT NULL,
    username       VARCHAR(255)  NOT NULL,
    icon_url       VARCHAR(1024) NOT NULL,
    channel_locked BOOLEAN       NOT NULL,
    create_at      BIGINT        NOT NULL,
    update_at      BIGINT        NOT NULL,
    delete_at      BIGINT        NOT NULL,
    CONSTRAINT fk_incoming_hooks_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_incoming_hooks_channel FOREIGN KEY (channel_id) REFERENCES channels (id),
    CONSTRAINT fk_incoming_hooks_team FOREIGN KEY (team_id) REFERENCES teams (id)
);
CREATE INDEX ix_incoming_hooks_channel ON incoming_hooks (channel_id);

CREATE TABLE posts (
    id         VARCHAR(26)     NOT NULL PRIMARY KEY,
    channel_id VARCHAR(26)     NOT NULL,
    user_id    VARCHAR(26)     NOT NULL,
    root_id    VARCHAR(26)     NOT NULL,
    message    VARCHAR(65535)  NOT NULL,
    type       VARCHAR(64)     NOT NULL,
    props      VARCHAR(1000000) NOT NULL,
    create_at  BIGINT          NOT NULL,
    update_at  BIGINT          NOT NULL,
    edit_at    BIGINT          NOT NULL,
    delete_at  BIGINT          NOT NULL,
    CONSTRAINT fk_posts_channel FOREIGN KEY (channel_id) REFERENCES channels (id),
    CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_posts_channel_create ON posts (channel_id, create_at);

-- A login session; only the SHA-256 of its bearer token is stored, so a database dump leaks no tokens.
CREATE TABLE sessions (
    id               VARCHAR(26) NOT NULL PRIMARY KEY,
    token_hash       VARCHAR(64) NOT NULL,
    user_id          VARCHAR(26) NOT NULL,
    create_at        BIGINT      NOT NULL,
    expires_at       BIGINT      NOT NULL,
    CONSTRAINT uq_sessions_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
);

-- Run-time settings an admin edits in the System Console: exactly one row, id 1.
CREATE TABLE system_settings (
    id                            INTEGER NOT NULL PRIMARY KEY,
    enable_incoming_webhooks      BOOLEAN NOT NULL,
    enable_post_username_override BOOLEAN NOT NULL,
    enable_post_icon_override     BOOLEAN NOT NULL,
    max_post_size                 INTEGER NOT NULL,
    update_at                     BIGINT  NOT NULL
);
INSERT INTO system_settings (id, enable_incoming_webhooks, enable_post_username_override,
                             enable_post_icon_override, max_post_size, update_at)
VALUES (1, TRUE, FALSE, FALSE, 16383, 0);
