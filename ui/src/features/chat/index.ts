export { ChatView } from "./components/ChatView";
export { useChatRuns, cancelRunOf } from "./hooks/useChatRuns";
export { useComposerStore, draftKey, loadDrafts, flushDrafts } from "./state/composerStore";
export { useStreamStore } from "./state/streamStore";
