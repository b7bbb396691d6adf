import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { MESSAGES, type MessageKey } from './messages.ts';

export type Locale = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'luodi.locale';

interface LocaleContextValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message in the current language, with {name} placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Picks the zh or en variant of a bilingual value. */
  pick(zh: string, en: string | null | undefined): string;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'zh-CN' || stored === 'en-US') return stored;
  return typeof navigator !== 'undefined' && navigator.language.startsWith('en') ? 'en-US' : 'zh-CN';
}

export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(initial ?? initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    dayjs.locale(next === 'zh-CN' ? 'zh-cn' : 'en');
    setLocaleState(next);
  }, []);
  const value = useMemo<LocaleContextValue>(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    const isZh = locale === 'zh-CN';
    return {
      locale,
      setLocale,
      t: (key, values) => format(isZh ? MESSAGES[key].zh : MESSAGES[key].en, values),
      pick: (zh, en) => (isZh ? zh : en || zh),
    };
  }, [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
