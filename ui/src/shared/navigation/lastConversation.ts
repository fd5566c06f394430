/**
 * The conversation the user had open, so a relaunch opens it again. A UI preference like the
 * theme and the language: nothing secret, kept in localStorage and read before the first render.
 */
const LAST_CONVERSATION_KEY = "portico.lastConversation";

export function readLastConversation(): string | null {
  try {
    return window.localStorage.getItem(LAST_CONVERSATION_KEY) || null;
  } catch {
    return null;
  }
}

export function writeLastConversation(conversationId: string | null): void {
  try {
    if (conversationId) window.localStorage.setItem(LAST_CONVERSATION_KEY, conversationId);
    else window.localStorage.removeItem(LAST_CONVERSATION_KEY);
  } catch {
    // Storage disabled: the next launch starts with a new chat, as before.
  }
}
