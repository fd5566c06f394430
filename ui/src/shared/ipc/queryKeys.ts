/** TanStack Query keys for backend-owned data, in one place so invalidation stays consistent. */
export const queryKeys = {
  appInfo: ["app_info"] as const,
  presets: ["provider_presets"] as const,
  providers: ["provider_list"] as const,
  defaultProvider: ["default_provider_get"] as const,
  conversations: ["conversation_list"] as const,
  conversation: (id: string) => ["conversation_get", id] as const,
  thread: (conversationId: string) => ["thread_page", conversationId] as const,
  threads: ["thread_page"] as const,
  search: (query: string) => ["search", query] as const,
};
