import type { ReactNode } from "react";
import { useT } from "../../i18n";
import { isOpenableUrl, openExternal } from "../../ipc";
import { visibleUrl } from "./visibleUrl";

/**
 * A link in model output. http, https and mailto open in the system's browser or mail
 * client; anything else stays inert. Either way the real URL shows on hover and keyboard
 * focus (through the app's tooltip layer) before anything opens, and the link text is
 * isolated: bidi controls in it cannot reorder the words around it.
 */
export function ExternalLink({ href, children }: { href?: string; children?: ReactNode }) {
  const { t } = useT();
  const url = href ?? "";
  const shown = visibleUrl(url);
  if (isOpenableUrl(url)) {
    return (
      <a
        href={url}
        rel="noreferrer noopener"
        data-tooltip=""
        data-tooltip-url={shown}
        data-tooltip-side="top"
        onClick={(event) => {
          event.preventDefault();
          void openExternal(url);
        }}
      >
        <bdi>{children}</bdi>
      </a>
    );
  }
  return (
    <span
      role="link"
      aria-disabled="true"
      tabIndex={0}
      data-link-inert=""
      data-tooltip={url ? t("links.notOpened") : t("links.removed")}
      data-tooltip-url={url ? shown : undefined}
      data-tooltip-side="top"
      className="cursor-help text-fg-muted underline decoration-dotted underline-offset-2"
    >
      <bdi>{children}</bdi>
    </span>
  );
}
