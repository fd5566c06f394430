-- Portico schema 1: providers, conversations, messages (a tree per conversation), full-text search.
--
-- Conventions: ids are uuid v7 text; times are INTEGER milliseconds since the Unix epoch;
-- enums are lower-camel text as serde writes them; structured values are JSON text columns.
-- No column ever holds an API key: keys live in the OS keychain under the provider id.
-- Tables indexed by FTS have an explicit INTEGER PRIMARY KEY (`seq`) so VACUUM cannot renumber
-- the rowids the external-content FTS tables point at.

CREATE TABLE providers (
    id                  TEXT    NOT NULL PRIMARY KEY,
    name                TEXT    NOT NULL,
    preset_id           TEXT    NOT NULL,
    base_url            TEXT    NOT NULL,
    exact_base_url      INTEGER NOT NULL DEFAULT 0,
    auth                TEXT    NOT NULL,
    extra_headers_json  TEXT    NOT NULL DEFAULT '[]',
    default_model       TEXT,
    models_json         TEXT    NOT NULL DEFAULT '[]',
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX providers_by_created ON providers (created_at, id);

CREATE TABLE conversations (
    seq             INTEGER PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    title           TEXT    NOT NULL DEFAULT '',
    provider_id     TEXT    REFERENCES providers (id) ON DELETE SET NULL,
    model           TEXT,
    params_json     TEXT    NOT NULL DEFAULT '{}',
    pinned          INTEGER NOT NULL DEFAULT 0,
    -- The last message of the branch on screen. Kept consistent by the store's code (a foreign
    -- key here would form a cycle with messages.conversation_id).
    active_leaf_id  TEXT,
    -- Maintained by the triggers below.
    message_count   INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
-- The conversation list: pinned first, then newest activity; keyset-paged on these columns.
CREATE INDEX conversations_list ON conversations (pinned, updated_at, id);
CREATE INDEX conversations_by_provider ON conversations (provider_id) WHERE provider_id IS NOT NULL;

CREATE TABLE messages (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    conversation_id  TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    -- NULL for a first message. Not a foreign key: the store only ever deletes whole subtrees
    -- or whole conversations, and a key would need one more index on a million-row table.
    parent_id        TEXT,
    role             TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    text             TEXT    NOT NULL DEFAULT '',
    reasoning        TEXT,
    error_json       TEXT,
    -- Which provider and model wrote this reply: a historical record, left as is when the
    -- provider is deleted.
    provider_id      TEXT,
    model            TEXT,
    usage_json       TEXT,
    timings_json     TEXT,
    finish_reason    TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
-- Children and siblings (parent_id IS NULL for roots), oldest first; also serves the cascade
-- from conversations and every subtree walk.
CREATE INDEX messages_tree ON messages (conversation_id, parent_id, created_at);
-- Finding runs a crash left behind stays cheap on a big history.
CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

-- message_count, kept by triggers so every writer (the app, an import, a test) agrees.
CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
    UPDATE conversations SET message_count = message_count + 1 WHERE id = new.conversation_id;
END;
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
    UPDATE conversations SET message_count = message_count - 1 WHERE id = old.conversation_id;
END;

-- Full-text search. External content (the text is stored once, in messages), trigram tokens
-- so Chinese and Japanese match without word segmentation. The indexed text of a reply still
-- streaming is '' (the view below): checkpoints cost no index work, the final text is indexed
-- when the run finishes, and the index always equals its content view, so FTS5's
-- 'integrity-check' and 'rebuild' commands stay valid.
CREATE VIEW messages_search_text AS
    SELECT seq, CASE WHEN status <> 'streaming' THEN text ELSE '' END AS text FROM messages;

CREATE VIRTUAL TABLE messages_fts USING fts5 (
    text,
    content = 'messages_search_text',
    content_rowid = 'seq',
    tokenize = 'trigram'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text)
        VALUES (new.seq, CASE WHEN new.status <> 'streaming' THEN new.text ELSE '' END);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text)
        VALUES ('delete', old.seq, CASE WHEN old.status <> 'streaming' THEN old.text ELSE '' END);
END;
-- One trigger, two statements in this order: FTS5 must see the old tokens removed before the
-- new ones are added for the same rowid. Skipped entirely for streaming checkpoints.
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, status ON messages
WHEN old.status <> 'streaming' OR new.status <> 'streaming' BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text)
        VALUES ('delete', old.seq, CASE WHEN old.status <> 'streaming' THEN old.text ELSE '' END);
    INSERT INTO messages_fts (rowid, text)
        VALUES (new.seq, CASE WHEN new.status <> 'streaming' THEN new.text ELSE '' END);
END;

CREATE VIRTUAL TABLE conversations_fts USING fts5 (
    title,
    content = 'conversations',
    content_rowid = 'seq',
    tokenize = 'trigram'
);
CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversations_fts (rowid, title) VALUES (new.seq, new.title);
END;
CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
    INSERT INTO conversations_fts (conversations_fts, rowid, title) VALUES ('delete', old.seq, old.title);
END;
CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
    INSERT INTO conversations_fts (conversations_fts, rowid, title) VALUES ('delete', old.seq, old.title);
    INSERT INTO conversations_fts (rowid, title) VALUES (new.seq, new.title);
END;
