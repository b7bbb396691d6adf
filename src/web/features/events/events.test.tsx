// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../app/session.tsx';
import { LocaleProvider } from '../../i18n/locale.tsx';
import DetailPage from './detail-page.tsx';
import FormPage from './form-page.tsx';
import ListPage from './list-page.tsx';
import type { EventView } from './shared.tsx';

const EVENT_ID = '0190a0a0-0000-7000-8000-0000000000e1';
const CHILD_ID = '0190a0a0-0000-7000-8000-0000000000e2';
const ORG_ID = '0190a0a0-0000-7000-8000-000000000001';
const VENUE_ID = '0190a0a0-0000-7000-8000-0000000000a1';

const event: EventView = {
  id: EVENT_ID,
  parentId: null,
  kind: 'summit',
  nameZh: '数字中国建设峰会',
  nameEn: 'Digital China Summit',
  region: { code: '350100', nameZh: '福州市', nameEn: 'Fuzhou' },
  startsOn: '2026-05-18',
  endsOn: '2026-05-18',
  isOnline: false,
  organizations: [
    { organizationId: ORG_ID, nameZh: '福州市商务局', nameEn: null, role: 'organizer' },
    { organizationId: ORG_ID.replace('01', '02'), nameZh: '福州会展公司', nameEn: null, role: 'host' },
  ],
  venues: [{ id: VENUE_ID, kind: 'main', nameZh: '海峡国际会展中心', nameEn: null, address: '福州市仓山区' }],
  agenda: [
    {
      id: '0190a0a0-0000-7000-8000-0000000000b1',
      startsAt: '2026-05-18T01:00:00.000Z',
      endsAt: '2026-05-18T02:30:00.000Z',
      titleZh: '开幕式',
      titleEn: 'Opening',
      venueId: VENUE_ID,
    },
  ],
  runSheet: [
    {
      id: '0190a0a0-0000-7000-8000-0000000000c1',
      agreementId: '0190a0a0-0000-7000-8000-0000000000d1',
      titleZh: '数字产业园投资合同',
      titleEn: null,
      typeCode: 'investment_contract',
      status: 'signing',
      venueId: VENUE_ID,
      startsAt: '2026-05-18T03:00:00.000Z',
    },
  ],
  children: [{ id: CHILD_ID, kind: 'matchmaking', nameZh: '数字经济对接会', nameEn: null }],
  totals: {
    agreements: 3,
    byType: [{ typeCode: 'investment_contract', count: 3 }],
    projects: 2,
    investmentYuan: 1_200_000_000,
    displayZh: '12亿元',
    displayEn: 'CNY 1.2 billion',
  },
  version: 4,
};

interface Call {
  method: string;
  path: string;
  body: unknown;
}
let calls: Call[] = [];
let handler: (call: Call) => { status?: number; body: unknown } | undefined = () => undefined;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  calls = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/api/, '') + url.search,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    if (call.path === '/auth/session')
      return json(200, {
        user: {
          id: '0190a0a0-0000-7000-8000-0000000000ff',
          username: 'fuzhou.organizer',
          displayName: '会务',
          role: 'organizer',
          regionCode: '350100',
          organizationId: null,
          locale: 'zh-CN',
        },
      });
    if (call.path.startsWith('/reference/regions')) return json(200, { items: [] });
    if (call.path.startsWith('/organizations?')) return json(200, { items: [], nextCursor: null });
    const answer = handler(call);
    return answer ? json(answer.status ?? 200, answer.body) : json(404, { error: { code: 'not_found' } });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

function renderAt(path: string, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LocaleProvider initial={locale}>
        <AntApp>
          <SessionProvider>
            <MemoryRouter initialEntries={[path]}>
              <Routes>
                <Route path="/events" element={<ListPage />} />
                <Route path="/events/new" element={<FormPage />} />
                <Route path="/events/:id" element={<DetailPage />} />
                <Route path="/events/:id/edit" element={<FormPage />} />
              </Routes>
              <Location />
            </MemoryRouter>
          </SessionProvider>
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

describe('event list', () => {
  it('lists events, keeps filters in the URL and loads more by cursor', async () => {
    handler = (call) =>
      call.path.startsWith('/events?')
        ? call.path.includes('cursor=')
          ? { body: { items: [{ ...event, id: CHILD_ID, parentId: EVENT_ID }], nextCursor: null } }
          : { body: { items: [event], nextCursor: 'c1' } }
        : undefined;
    renderAt('/events?kind=summit&top=1');
    const link = await screen.findByTestId('event-row-link');
    expect(link.getAttribute('href')).toBe(`/events/${EVENT_ID}`);
    expect(screen.getByTestId('event-new')).toBeTruthy();
    expect(calls.some((c) => c.path.includes('kind=summit') && c.path.includes('isTopLevel=true'))).toBe(
      true,
    );
    fireEvent.click(screen.getByTestId('event-load-more'));
    await waitFor(() => expect(calls.some((c) => c.path.includes('cursor=c1'))).toBe(true));
    expect(await screen.findAllByTestId('event-row-link')).toHaveLength(2);
  });

  it('offers to clear filters when nothing matches', async () => {
    handler = () => ({ body: { items: [], nextCursor: null } });
    renderAt('/events?q=zzz', 'en-US');
    expect(await screen.findByText('No events match these filters')).toBeTruthy();
    fireEvent.click(screen.getByText('Clear filters'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/events'));
  });
});

describe('event detail', () => {
  it('shows totals, organizers by role, agenda in China time and the run sheet', async () => {
    handler = (call) => {
      if (call.path === `/events/${EVENT_ID}`) return { body: event };
      if (call.path.startsWith('/agreements?'))
        return {
          body: {
            items: [
              {
                id: '0190a0a0-0000-7000-8000-0000000000d1',
                titleZh: '数字产业园投资合同',
                titleEn: null,
                typeCode: 'investment_contract',
                status: 'signing',
                amount: null,
                parties: [{ organizationId: ORG_ID, nameZh: '甲公司', nameEn: null, signers: [] }],
              },
            ],
            nextCursor: null,
          },
        };
      return undefined;
    };
    renderAt(`/events/${EVENT_ID}`);
    expect((await screen.findByTestId('event-name')).textContent).toBe('数字中国建设峰会');
    const totals = screen.getByTestId('event-totals');
    expect(within(totals).getByText('12亿元')).toBeTruthy();
    expect(within(totals).getByText('投资合同')).toBeTruthy();
    expect(screen.getByText('主办')).toBeTruthy();
    expect(screen.getByText('承办')).toBeTruthy();
    expect(within(screen.getByTestId('event-agenda')).getByText('09:00 – 10:30')).toBeTruthy();
    const runSheet = screen.getByTestId('event-run-sheet');
    expect(within(runSheet).getByText('11:00')).toBeTruthy();
    expect(within(runSheet).getByText('签署中')).toBeTruthy();
    expect(await screen.findByText('甲公司')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith(`/agreements?eventId=${EVENT_ID}`))).toBe(true);
    expect(screen.getByTestId('event-child-link').getAttribute('href')).toBe(`/events/${CHILD_ID}`);
    expect(screen.getByTestId('event-edit')).toBeTruthy();
  });

  it('saves the agenda with +08:00 times', async () => {
    handler = (call) => {
      if (call.path === `/events/${EVENT_ID}` && call.method === 'GET') return { body: event };
      if (call.path === `/events/${EVENT_ID}/agenda`) return { body: event };
      if (call.path.startsWith('/agreements?')) return { body: { items: [], nextCursor: null } };
      return undefined;
    };
    renderAt(`/events/${EVENT_ID}`);
    fireEvent.click(await screen.findByTestId('event-agenda-edit'));
    fireEvent.click(await screen.findByTestId('event-agenda-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      items: [
        {
          startsAt: '2026-05-18T09:00:00+08:00',
          endsAt: '2026-05-18T10:30:00+08:00',
          titleZh: '开幕式',
          titleEn: 'Opening',
          venue: 0,
        },
      ],
    });
  });
});

describe('event form', () => {
  it('sends the version and puts a venue error on its list field', async () => {
    handler = (call) => {
      if (call.path === `/events/${EVENT_ID}` && call.method === 'GET') return { body: event };
      if (call.path === `/events/${EVENT_ID}` && call.method === 'PATCH')
        return {
          status: 400,
          body: {
            error: {
              code: 'validation',
              zh: '输入有误',
              en: 'Invalid',
              details: [{ code: 'x', field: 'venues.0.nameZh', zh: '会场名称重复', en: 'Duplicate venue' }],
            },
          },
        };
      if (call.path.startsWith('/events?')) return { body: { items: [], nextCursor: null } };
      return undefined;
    };
    renderAt(`/events/${EVENT_ID}/edit`);
    const name = (await screen.findByTestId('event-name-zh')) as HTMLInputElement;
    expect(name.value).toBe('数字中国建设峰会');
    fireEvent.click(screen.getByTestId('event-submit'));
    expect(await screen.findByText('会场名称重复')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      version: 4,
      startsOn: '2026-05-18',
      endsOn: '2026-05-18',
      organizations: [
        { organizationId: ORG_ID, role: 'organizer' },
        { organizationId: ORG_ID.replace('01', '02'), role: 'host' },
      ],
      venues: [{ kind: 'main', nameZh: '海峡国际会展中心', address: '福州市仓山区', onlineUrl: null }],
    });
    expect(screen.queryByTestId('event-form-error')).toBeNull();
  });
});
