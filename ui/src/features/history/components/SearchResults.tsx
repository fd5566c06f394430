import { GitBranch, MessageSquare, Type } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { BranchPosition } from "@/shared/bindings/BranchPosition";
import type { SearchHit } from "@/shared/bindings/SearchHit";
import { ErrorNotice } from "@/shared/errors";
import { toIpcError } from "@/shared/ipc";
import { formatClock, formatDate } from "@/shared/format/time";
import { Spinner } from "@/shared/ui";
import { useSearch } from "../hooks/useSearch";
import { HighlightedSnippet } from "./HighlightedSnippet";

export interface SearchResultsProps {
  query: string;
  onOpen: (hit: SearchHit) => void;
}

/** "2/3 › 1/2": the alternative taken at each fork, from the first message down. */
export function forkPath(forks: readonly BranchPosition[]): string {
  return forks.map((fork) => `${fork.index}/${fork.count}`).join(" › ");
}

export function SearchResults({ query, onOpen }: SearchResultsProps) {
  const { t, i18n } = useTranslation();
  const search = useSearch(query);
  const hits = search.data ?? [];

  if (search.error) {
    return (
      <div className="p-3">
        <ErrorNotice error={toIpcError(search.error)} compact />
      </div>
    );
  }
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-2" data-testid="search-results">
      <div className="flex h-7 items-center justify-between px-2 text-[11.5px] font-medium text-fg-subtle">
        <span>
          {search.isFetching && hits.length === 0
            ? t("search.searching")
            : t("search.results", { count: hits.length })}
        </span>
        {search.isFetching ? <Spinner className="h-3 w-3" /> : null}
      </div>
      {!search.isFetching && hits.length === 0 && search.isSuccess ? (
        <p className="px-2 py-6 text-center text-[12.5px] text-fg-muted">
          {t("search.noResults", { query })}
        </p>
      ) : null}
      <ul role="list" aria-label={t("search.resultsLabel")}>
        {hits.map((hit, index) => (
          <li key={`${hit.conversationId}-${hit.messageId ?? "title"}-${index}`}>
            <button
              type="button"
              onClick={() => onOpen(hit)}
              className="w-full rounded-md px-2 py-1.5 text-left hover:bg-surface-2 focus-visible:bg-surface-2"
              data-testid="search-hit"
            >
              <div className="flex items-center gap-1.5 text-[12px] text-fg-muted">
                {hit.messageId ? (
                  <MessageSquare aria-hidden className="h-3 w-3 shrink-0" />
                ) : (
                  <Type aria-hidden className="h-3 w-3 shrink-0" />
                )}
                <span className="min-w-0 flex-1 truncate font-medium text-fg">
                  {hit.conversationTitle}
                </span>
                <span className="shrink-0 text-[11px] text-fg-subtle">
                  {formatDate(hit.createdAt, i18n.language)}
                </span>
              </div>
              <HighlightedSnippet
                snippet={hit.snippet}
                className="mt-0.5 line-clamp-2 text-[12.5px] leading-snug text-fg-muted"
              />
              {hit.forks?.length ? (
                // The same text can be in several branches: say which one, and when.
                <div
                  className="mt-0.5 flex items-center gap-1 text-[11px] text-fg-subtle"
                  data-testid="search-hit-branch"
                >
                  <GitBranch aria-hidden className="h-3 w-3 shrink-0" />
                  <span>
                    {t("search.branch", { path: forkPath(hit.forks) })} ·{" "}
                    {formatClock(hit.createdAt, i18n.language)}
                  </span>
                </div>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
