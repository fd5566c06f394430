export { useNavigation, selectActiveConversationId } from "./store";
export type { View, SettingsSection, NavigationState } from "./store";
