export { ChatView } from "./components/ChatView";
export { useChatRuns, cancelRunOf } from "./hooks/useChatRuns";
export { useComposerStore, draftKey } from "./state/composerStore";
export { useStreamStore } from "./state/streamStore";
