import { queryOptions } from "@tanstack/react-query";
import { call } from "./client";
import { queryKeys } from "./queryKeys";

/**
 * app_info, for every screen that shows it. The first screen waits for it, so main.tsx asks
 * for it before React's first render: the backend answers while the page renders.
 */
export const appInfoQuery = queryOptions({
  queryKey: queryKeys.appInfo,
  queryFn: () =>
    call("app_info", null).then((info) => {
      performance.mark("portico:app-info");
      return info;
    }),
});
