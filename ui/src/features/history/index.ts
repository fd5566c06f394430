export { Sidebar } from "./components/Sidebar";
export { HighlightedSnippet } from "./components/HighlightedSnippet";
export { groupConversations, dateGroupOf } from "./model/groupByDate";
export type { DateGroup, ConversationRow } from "./model/groupByDate";
export { parseSnippet } from "./model/snippet";
export { useSearch } from "./hooks/useSearch";
