-- App-wide settings the backend owns (the default provider for new chats, ...), one JSON value
-- per name. UI-only preferences (theme, language, panel sizes) are not here.
CREATE TABLE app_settings (
    name        TEXT    PRIMARY KEY,
    value_json  TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Unsent composer text, one row per conversation; '' is the chat not created yet. Written a
-- moment after typing stops so a crash loses nothing typed; deleted when sent.
CREATE TABLE drafts (
    conversation_id   TEXT    PRIMARY KEY,
    text              TEXT    NOT NULL,
    -- References to attachments (local media ids), once attachments exist.
    attachments_json  TEXT    NOT NULL DEFAULT '[]',
    updated_at        INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER drafts_follow_deleted_conversation AFTER DELETE ON conversations BEGIN
    DELETE FROM drafts WHERE conversation_id = old.id;
END;
