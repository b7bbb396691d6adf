import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { type Locale, LocaleProvider, useLocale } from '../../i18n/locale.tsx';
import { CityPie, IndustryBars, RegionMap } from './screen-charts.tsx';
import { Clock, ConnectionDot, Counters, Feed } from './screen-parts.tsx';
import { SCREEN_CSS } from './screen-style.ts';
import { useScreen } from './use-screen.ts';

function dateRange(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? startsOn : `${startsOn} – ${endsOn}`;
}

function Screen({ eventId }: { eventId: string }) {
  const { t, pick } = useLocale();
  const state = useScreen(eventId);
  const { snapshot } = state;
  const title = snapshot ? pick(snapshot.event.nameZh, snapshot.event.nameEn) : '';
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);

  if (!snapshot) {
    const message =
      state.error?.status === 404
        ? t('screen.notFound')
        : state.error
          ? t('screen.error')
          : t('common.loading');
    return (
      <div className="lds-root lds-center" data-testid="screen-message">
        {message}
      </div>
    );
  }
  const { event, totals } = snapshot;
  const venues = event.venues.filter((venue) => venue.kind !== 'online');
  return (
    <div className="lds-root" data-testid="screen">
      <header className="lds-header">
        <div className="lds-header-side">
          <ConnectionDot status={state.status} latency={state.latency} />
        </div>
        <div className="lds-header-main">
          <h1 className="lds-title" data-testid="screen-title">
            {title}
          </h1>
          <div className="lds-subtitle">
            {[
              dateRange(event.startsOn, event.endsOn),
              venues.map((venue) => pick(venue.nameZh, venue.nameEn)).join(' / '),
              event.parts.length ? t('screen.parts', { count: event.parts.length }) : '',
            ]
              .filter(Boolean)
              .join('　·　')}
          </div>
        </div>
        <div className="lds-header-side lds-right">
          <Clock />
        </div>
      </header>
      <Counters totals={totals} />
      <main className="lds-body">
        <section className="lds-column">
          <div className="lds-panel">
            <h2>{t('screen.byIndustry')}</h2>
            <div className="lds-chart">
              {snapshot.byIndustry.length ? <IndustryBars slices={snapshot.byIndustry} /> : <Empty />}
            </div>
          </div>
          <div className="lds-panel">
            <h2>{t('screen.byCity')}</h2>
            <div className="lds-chart">
              {snapshot.byCity.length ? <CityPie slices={snapshot.byCity} /> : <Empty />}
            </div>
          </div>
        </section>
        <section className="lds-panel lds-map-panel">
          <h2>{t(snapshot.map.key === 'china' ? 'screen.map' : 'screen.map.local')}</h2>
          <div className="lds-chart">
            <RegionMap view={snapshot.map} />
          </div>
        </section>
        <section className="lds-panel lds-feed-panel">
          <h2>{t('screen.feed')}</h2>
          <Feed feed={state.feed} now={state.now} />
        </section>
      </main>
      <footer className="lds-footer">{t('screen.note')}</footer>
    </div>
  );
}

function Empty() {
  const { t } = useLocale();
  return <div className="lds-empty">{t('screen.noData')}</div>;
}

/** The public ceremony screen (大屏): Chinese unless ?lang=en. */
export default function ScreenPage() {
  const { eventId = '' } = useParams();
  const [search] = useSearchParams();
  const locale: Locale = search.get('lang')?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleProvider key={locale} initial={locale}>
      <style>{SCREEN_CSS}</style>
      <Screen eventId={eventId} />
    </LocaleProvider>
  );
}
