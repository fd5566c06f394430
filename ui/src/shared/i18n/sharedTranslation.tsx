import i18next from "i18next";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface Translation {
  t: Translate;
  language: string;
}

/** `t` for one language, with plain keys (no options) looked up once and then cached. */
export function cachedTranslate(
  translate: (key: string, options?: Record<string, unknown>) => string,
): Translate {
  const plain = new Map<string, string>();
  return (key, options) => {
    if (options) return translate(key, options);
    let text = plain.get(key);
    if (text === undefined) {
      text = translate(key);
      plain.set(key, text);
    }
    return text;
  };
}

const SharedTranslation = createContext<Translation | null>(null);

/**
 * One i18next subscription for the app. useTranslation subscribes per component instance;
 * message rows and code blocks mount by the dozen while a long conversation scrolls, so they
 * read `t` from here (useT) instead. A language change re-renders every reader.
 */
export function TranslationProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const value = useMemo<Translation>(
    () => ({ t: cachedTranslate((key, options) => t(key, options)), language }),
    [t, language],
  );
  return <SharedTranslation.Provider value={value}>{children}</SharedTranslation.Provider>;
}

let detached: Translation | null = null;

/** i18next's own `t` for its current language (cached per language), for use outside a provider. */
function detachedTranslation(): Translation {
  if (detached?.language !== i18next.language) {
    detached = {
      t: cachedTranslate((key, options) => i18next.t(key, options)),
      language: i18next.language,
    };
  }
  return detached;
}

/** The shared `t` and language; outside a TranslationProvider (unit tests), i18next's own. */
export function useT(): Translation {
  return useContext(SharedTranslation) ?? detachedTranslation();
}
