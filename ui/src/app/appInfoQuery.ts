import { queryOptions } from "@tanstack/react-query";
import { call, queryKeys } from "@/shared/ipc";

/**
 * What the first screen waits for. main.tsx asks for it before React's first render, so the
 * backend answers while the page renders instead of after.
 */
export const appInfoQuery = queryOptions({
  queryKey: queryKeys.appInfo,
  queryFn: () =>
    call("app_info", null).then((info) => {
      performance.mark("portico:app-info");
      return info;
    }),
  staleTime: Infinity,
});
