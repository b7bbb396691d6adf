import { useMemo } from 'react';
import { format, useLocale } from '../../i18n/locale.tsx';
import { EVENT_MESSAGES, type EventMessageKey } from './messages.ts';

/** The events feature's own messages in the current language (until they join the global table). */
export function useEventT() {
  const { locale, pick } = useLocale();
  return useMemo(() => {
    const isZh = locale === 'zh-CN';
    const t = (key: EventMessageKey, values?: Record<string, string | number>) =>
      format(isZh ? EVENT_MESSAGES[key].zh : EVENT_MESSAGES[key].en, values);
    return { t, pick, locale, isZh };
  }, [locale, pick]);
}
