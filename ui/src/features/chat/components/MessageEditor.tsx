import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Textarea } from "@/shared/ui";

export interface MessageEditorProps {
  initialText: string;
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
}

/** Inline editor for a user message: "Save & send" makes a new branch. */
export function MessageEditor({ initialText, onSave, onCancel }: MessageEditorProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!text.trim() || saving) return;
    setSaving(true);
    try {
      await onSave(text);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="w-full">
      <Textarea
        aria-label={t("chat.edit.label")}
        value={text}
        autoFocus
        rows={Math.min(12, Math.max(3, text.split("\n").length))}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void save();
        }}
      />
      <div className="mt-2 flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button
          size="sm"
          variant="primary"
          disabled={!text.trim() || saving}
          onClick={() => void save()}
        >
          {t("chat.edit.saveAndSend")}
        </Button>
      </div>
    </div>
  );
}
