import { useEffect, useRef, useState } from 'react';
import type { ScreenSnapshot } from '../../../contracts/screen.ts';
import { useLocale } from '../../i18n/locale.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { type FeedItem, isHighlighted, signingTime, splitAmount, tween } from './feed.ts';
import type { ConnectionStatus } from './use-screen.ts';

const COUNT_MS = 1200;

/** A number that runs from its last value to the new one. */
function useRunning(target: number): number {
  const [shown, setShown] = useState(target);
  const from = useRef(target);
  useEffect(() => {
    const start = performance.now();
    const origin = from.current;
    let frame = 0;
    const step = (time: number) => {
      const value = tween(origin, target, (time - start) / COUNT_MS);
      from.current = value;
      setShown(value);
      if (value !== target) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target]);
  return shown;
}

function Counter({
  label,
  value,
  unit,
  testId,
}: {
  label: string;
  value: number;
  unit: string;
  testId: string;
}) {
  const { locale } = useLocale();
  const shown = useRunning(value);
  return (
    <div className="lds-counter" data-testid={testId} data-value={value}>
      <div className="lds-counter-label">{label}</div>
      <div className="lds-counter-value">
        {new Intl.NumberFormat(locale).format(shown)}
        {unit && <span className="lds-unit">{unit}</span>}
      </div>
    </div>
  );
}

function AmountCounter({ label, yuan }: { label: string; yuan: number }) {
  const { locale } = useLocale();
  const shown = useRunning(yuan);
  const { prefix, figure, unit } = splitAmount(shown, locale);
  return (
    <div className="lds-counter lds-counter-main" data-testid="screen-investment" data-value={yuan}>
      <div className="lds-counter-label">{label}</div>
      <div className="lds-counter-value">
        {prefix && <span className="lds-unit">{prefix}</span>}
        {figure}
        <span className="lds-unit">{unit}</span>
      </div>
    </div>
  );
}

export function Counters({ totals }: { totals: ScreenSnapshot['totals'] }) {
  const { t } = useLocale();
  return (
    <section className="lds-counters">
      <Counter
        label={t('screen.agreements')}
        value={totals.agreements}
        unit={t('screen.unit.agreements')}
        testId="screen-agreements"
      />
      <Counter
        label={t('screen.projects')}
        value={totals.projects}
        unit={t('screen.unit.projects')}
        testId="screen-projects"
      />
      <AmountCounter label={t('screen.investment')} yuan={totals.investmentYuan} />
      <Counter
        label={t('screen.pending')}
        value={totals.pending}
        unit={t('screen.unit.agreements')}
        testId="screen-pending"
      />
    </section>
  );
}

export function Feed({ feed, now }: { feed: FeedItem[]; now: number }) {
  const { t, pick, locale } = useLocale();
  if (feed.length === 0) return <div className="lds-empty">{t('screen.feed.empty')}</div>;
  return (
    <ol className="lds-feed" data-testid="screen-feed">
      {feed.map((item) => {
        const { signing } = item;
        const isNew = isHighlighted(item, now);
        const amount = locale === 'zh-CN' ? signing.amountZh : signing.amountEn;
        const place = signing.venue ?? signing.part;
        return (
          <li
            key={signing.agreementId}
            className={isNew ? 'lds-item lds-item-new' : 'lds-item'}
            data-testid="screen-feed-item"
            data-new={isNew}
          >
            <div className="lds-item-top">
              <span className="lds-time">{signingTime(signing, locale)}</span>
              {isNew && <span className="lds-badge">{t('screen.feed.new')}</span>}
              {amount && <span className="lds-amount">{amount}</span>}
            </div>
            <div className="lds-item-title">{pick(signing.titleZh, signing.titleEn)}</div>
            <div className="lds-item-parties">
              {signing.parties.map((party) => pick(party.nameZh, party.nameEn)).join(' · ')}
            </div>
            <div className="lds-item-place">
              {[
                place ? pick(place.nameZh, place.nameEn) : null,
                pick(signing.region.nameZh, signing.region.nameEn),
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

const STATUS_KEY: Record<ConnectionStatus, MessageKey> = {
  connecting: 'screen.status.connecting',
  live: 'screen.status.live',
  reconnecting: 'screen.status.reconnecting',
};

export function ConnectionDot({ status, latency }: { status: ConnectionStatus; latency: number | null }) {
  const { t } = useLocale();
  return (
    <div className={`lds-status lds-status-${status}`} data-testid="screen-status" data-status={status}>
      <span className="lds-dot" />
      {t(STATUS_KEY[status])}
      {status === 'live' && latency !== null && (
        <span className="lds-latency">{t('screen.latency', { ms: latency })}</span>
      )}
    </div>
  );
}

/** The wall clock of the ceremony (China time). */
export function Clock() {
  const { locale } = useLocale();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const text = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  }).format(now);
  return <div className="lds-clock">{text}</div>;
}
