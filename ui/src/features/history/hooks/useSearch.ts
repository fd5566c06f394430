import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { call, queryKeys } from "@/shared/ipc";

export const SEARCH_LIMIT = 50;

export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function useSearch(query: string) {
  const debounced = useDebounced(query.trim(), 180);
  return useQuery({
    queryKey: queryKeys.search(debounced),
    queryFn: () => call("search", { query: debounced, limit: SEARCH_LIMIT }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
