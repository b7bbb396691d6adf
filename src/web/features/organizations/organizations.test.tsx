// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../app/session.tsx';
import { LocaleProvider } from '../../i18n/locale.tsx';
import DetailPage from './detail-page.tsx';
import FormPage from './form-page.tsx';
import ListPage from './list-page.tsx';
import MergePage from './merge-page.tsx';
import type { Organization } from './types.ts';

const VALID_USCI = '91350100158305883K';
const KEPT_ID = '0190a0a0-0000-7000-8000-000000000001';
const DUP_ID = '0190a0a0-0000-7000-8000-000000000002';

function organization(id: string, nameZh: string, extra: Partial<Organization> = {}): Organization {
  return {
    id,
    nameZh,
    nameEn: null,
    usci: null,
    type: 'private',
    origin: null,
    originName: null,
    region: { code: '350100', nameZh: '福州市', nameEn: 'Fuzhou' },
    projectCount: 2,
    version: 3,
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-03T08:00:00.000Z',
    ...extra,
  };
}

const kept = organization(KEPT_ID, '福州数字科技有限公司', {
  nameEn: 'Fuzhou Digital Tech',
  usci: VALID_USCI,
});
const duplicate = organization(DUP_ID, '福州数字科技公司', { origin: '北京', projectCount: 1 });

interface Call {
  method: string;
  path: string;
  body: unknown;
}

let calls: Call[] = [];
type Handler = (call: Call) => { status?: number; body: unknown } | undefined;
let handler: Handler = () => undefined;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

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
    if (call.path === '/auth/session') {
      return json(200, {
        user: {
          id: '0190a0a0-0000-7000-8000-0000000000ff',
          username: 'fuzhou.officer',
          displayName: '王专员',
          role: 'officer',
          regionCode: '350100',
          organizationId: null,
          locale: 'zh-CN',
        },
      });
    }
    if (call.path.startsWith('/reference/regions')) return json(200, { items: [] });
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

function renderAt(path: string, locale: 'zh-CN' | 'en-US' = 'zh-CN'): void {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrap = (node: ReactNode) => (
    <QueryClientProvider client={client}>
      <LocaleProvider initial={locale}>
        <AntApp>
          <SessionProvider>{node}</SessionProvider>
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
  render(
    wrap(
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/organizations" element={<ListPage />} />
          <Route path="/organizations/new" element={<FormPage />} />
          <Route path="/organizations/:id" element={<DetailPage />} />
          <Route path="/organizations/:id/edit" element={<FormPage />} />
          <Route path="/organizations/:id/merge" element={<MergePage />} />
        </Routes>
        <Location />
      </MemoryRouter>,
    ),
  );
}

describe('organization list', () => {
  it('shows the rows, keeps the search in the URL and asks the server with it', async () => {
    handler = (call) =>
      call.path.startsWith('/organizations?') ? { body: { items: [kept], nextCursor: 'c1' } } : undefined;
    renderAt('/organizations?type=private');
    expect(await screen.findByText('福州数字科技有限公司')).toBeTruthy();
    expect(screen.getByText('Fuzhou Digital Tech')).toBeTruthy();
    expect(screen.getByTestId('org-load-more')).toBeTruthy();
    expect(screen.getByTestId('org-new')).toBeTruthy();
    expect(screen.getByTestId('org-type-filter')).toBeTruthy();

    const box = screen.getByTestId('org-search').querySelector('input') as HTMLInputElement;
    fireEvent.change(box, { target: { value: '数字' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toContain('q=%E6%95%B0%E5%AD%97'));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path.includes('q=%E6%95%B0%E5%AD%97') && c.path.includes('type=private')),
      ).toBe(true),
    );
  });

  it('offers to clear the filters when nothing matches', async () => {
    handler = () => ({ body: { items: [], nextCursor: null } });
    renderAt('/organizations?q=zzzz', 'en-US');
    expect(await screen.findByText('No organization matches these filters')).toBeTruthy();
    fireEvent.click(screen.getByText('Clear filters'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/organizations'));
  });
});

describe('organization form', () => {
  it('checks the credit code live and warns of duplicates as the name is typed', async () => {
    handler = (call) =>
      call.path === '/organizations/duplicate-check'
        ? { body: { items: [{ organization: kept, reasons: ['similar_name'], similarity: 0.9 }] } }
        : undefined;
    renderAt('/organizations/new');
    const usci = await screen.findByTestId('org-usci');
    expect(screen.getByTestId('org-type')).toBeTruthy();
    expect(screen.getByTestId('org-region')).toBeTruthy();
    fireEvent.change(usci, { target: { value: '91350100' } });
    expect(await screen.findByText(/应为18位，实为8位/)).toBeTruthy();
    fireEvent.change(usci, { target: { value: VALID_USCI } });
    expect(await screen.findByText('校验通过')).toBeTruthy();

    fireEvent.change(screen.getByTestId('org-name-zh'), { target: { value: '福州数字科技' } });
    const alert = await screen.findByTestId('org-duplicates-alert');
    expect(within(alert).getByText('福州数字科技有限公司').getAttribute('href')).toBe(
      `/organizations/${KEPT_ID}`,
    );
    const check = calls.find((c) => c.path === '/organizations/duplicate-check');
    expect(check?.body).toEqual({ nameZh: '福州数字科技', usci: VALID_USCI });
  });

  it('sends the version when editing and puts the server error on the field', async () => {
    handler = (call) => {
      if (call.path === `/organizations/${KEPT_ID}` && call.method === 'GET') return { body: kept };
      if (call.path === `/organizations/${KEPT_ID}` && call.method === 'PATCH') {
        return {
          status: 409,
          body: {
            error: {
              code: 'organization.usci_exists',
              zh: '信用代码已存在',
              en: 'Credit code exists',
              details: [{ code: 'organization.usci_exists', field: 'usci', zh: '已属于“甲公司”', en: 'x' }],
            },
          },
        };
      }
      if (call.path === '/organizations/duplicate-check') return { body: { items: [] } };
      return undefined;
    };
    renderAt(`/organizations/${KEPT_ID}/edit`);
    const name = await screen.findByTestId('org-name-zh');
    expect((name as HTMLInputElement).value).toBe('福州数字科技有限公司');
    fireEvent.click(screen.getByTestId('org-submit'));
    expect(await screen.findByText('已属于“甲公司”')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({ nameZh: '福州数字科技有限公司', usci: VALID_USCI, version: 3 });
  });
});

describe('organization merge', () => {
  it('compares the two, confirms, and reports what moved', async () => {
    handler = (call) => {
      if (call.path === `/organizations/${KEPT_ID}`) return { body: kept };
      if (call.path === `/organizations/${DUP_ID}`) return { body: duplicate };
      if (call.path === `/organizations/${KEPT_ID}/duplicates`) {
        return { body: { items: [{ organization: duplicate, reasons: ['similar_name'], similarity: 0.8 }] } };
      }
      if (call.path === `/organizations/${KEPT_ID}/merge`) {
        return {
          body: {
            organization: { ...kept, origin: '北京', version: 4 },
            moved: { projects: 1, events: 2, agreements: 0, users: 1 },
          },
        };
      }
      return undefined;
    };
    renderAt(`/organizations/${KEPT_ID}/merge?source=${DUP_ID}`);
    const table = await screen.findByTestId('org-merge-compare');
    expect(await within(table).findByText('由重复单位补全')).toBeTruthy();
    fireEvent.click(screen.getByTestId('org-merge-submit'));
    fireEvent.click(await screen.findByTestId('org-merge-confirm'));
    expect(await screen.findByTestId('org-merge-result')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ sourceId: DUP_ID });
    expect(screen.getByTestId('org-merge-moved-events').textContent).toContain('2');
  });
});

describe('organization detail', () => {
  it('shows facts, the projects it takes part in and a way to merge a duplicate', async () => {
    handler = (call) => {
      if (call.path === `/organizations/${KEPT_ID}`) return { body: kept };
      if (call.path === `/organizations/${KEPT_ID}/duplicates`) {
        return { body: { items: [{ organization: duplicate, reasons: ['similar_name'], similarity: 0.8 }] } };
      }
      if (call.path.startsWith('/projects?')) {
        return {
          body: {
            items: [
              {
                id: '0190a0a0-0000-7000-8000-000000000010',
                code: 'FZ-2024-001',
                nameZh: '数字产业园',
                nameEn: 'Digital park',
                region: { code: '350102', nameZh: '鼓楼区', nameEn: 'Gulou' },
                stage: 'signed',
                investment: { displayZh: '3.24亿元', displayEn: 'CNY 324 million' },
                investors: [{ organizationId: KEPT_ID, role: 'lead_investor' }],
              },
            ],
            nextCursor: null,
          },
        };
      }
      return undefined;
    };
    renderAt(`/organizations/${KEPT_ID}`, 'en-US');
    expect(await screen.findByText('CNY 324 million')).toBeTruthy();
    expect(screen.getByText('Lead investor')).toBeTruthy();
    expect(screen.getByText('Digital park').getAttribute('href')).toBe(
      '/projects/0190a0a0-0000-7000-8000-000000000010',
    );
    expect(calls.some((c) => c.path.startsWith(`/projects?organizationId=${KEPT_ID}`))).toBe(true);
    expect((await screen.findByTestId('org-duplicate-merge')).getAttribute('href')).toBe(
      `/organizations/${KEPT_ID}/merge?source=${DUP_ID}`,
    );
    expect(screen.getByTestId('org-edit')).toBeTruthy();
  });
});
