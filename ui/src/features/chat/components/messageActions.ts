import type { Message } from "@/shared/bindings/Message";

/** What a message row can ask for; the list provides stable callbacks. */
export interface MessageActions {
  regenerate: (message: Message) => void;
  continueReply: (message: Message) => void;
  /** Send the edited text as a new branch (same parent as the edited message). */
  editAndSend: (message: Message, text: string) => Promise<void>;
  requestDelete: (message: Message) => void;
  switchBranch: (siblingId: string) => void;
  /** The conversation outgrew the model: a new chat, same model, holding the question asked. */
  startOver: (message: Message) => void;
}
