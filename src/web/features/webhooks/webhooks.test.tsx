// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreatedWebhook, WebhookView } from '../../../contracts/webhooks.ts';
import { SessionProvider } from '../../app/session.tsx';
import { LocaleProvider } from '../../i18n/locale.tsx';
import WebhooksPage from './webhooks-page.tsx';

const SECRET = 'whsec_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
const hook: WebhookView = {
  id: '0190a0a0-0000-7000-8000-0000000000a1',
  url: 'https://erp.example.cn/hooks/luodi',
  eventTypes: ['agreement.completed'],
  region: { code: '350100', nameZh: '福州市', nameEn: 'Fuzhou' },
  isActive: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  pendingCount: 2,
  failedCount: 1,
  lastDeliveredAt: null,
};

interface Call {
  method: string;
  path: string;
  body: unknown;
}
let calls: Call[] = [];
let items: WebhookView[] = [];
let answer: (call: Call) => { status: number; body: unknown } | undefined = () => undefined;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  calls = [];
  items = [hook];
  answer = () => undefined;
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/api/, ''),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    if (call.path === '/auth/session')
      return json(200, {
        user: {
          id: '0190a0a0-0000-7000-8000-0000000000ff',
          username: 'fuzhou.admin',
          displayName: '管理员',
          role: 'admin',
          regionCode: '350100',
          organizationId: null,
          locale: 'en-US',
        },
      });
    if (call.path.startsWith('/reference/regions')) return json(200, { items: [] });
    const custom = answer(call);
    if (custom) return json(custom.status, custom.body);
    if (call.path === '/webhooks' && call.method === 'GET') return json(200, { items });
    return json(404, { error: { code: 'not_found', zh: '不存在', en: 'Not found', details: [] } });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LocaleProvider initial="en-US">
        <AntApp>
          <SessionProvider>
            <MemoryRouter initialEntries={['/webhooks']}>
              <WebhooksPage />
            </MemoryRouter>
          </SessionProvider>
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

async function openCreateForm() {
  renderPage();
  await screen.findByText(hook.url);
  fireEvent.click(screen.getByTestId('webhook-new'));
  fireEvent.change(await screen.findByTestId('webhook-url'), {
    target: { value: 'https://oa.example.cn/in' },
  });
}

describe('webhooks page', () => {
  it('lists webhooks with their region, event types and delivery counts', async () => {
    renderPage();
    const table = await screen.findByTestId('webhook-table');
    await within(table).findByText(hook.url);
    expect(within(table).getByText('Fuzhou')).toBeTruthy();
    expect(within(table).getByText('Agreement completed')).toBeTruthy();
    expect(within(table).getByText('2')).toBeTruthy();
    expect(within(table).getByText('Never')).toBeTruthy();
  });

  it('creates a webhook and shows its secret once, with a warning and a copy button', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    answer = (call) => {
      if (call.method !== 'POST' || call.path !== '/webhooks') return undefined;
      const created: CreatedWebhook = {
        ...hook,
        id: hook.id.replace('a1', 'a2'),
        url: 'https://oa.example.cn/in',
        eventTypes: [],
        secret: SECRET,
      };
      items = [created, hook];
      return { status: 201, body: created };
    };
    await openCreateForm();
    fireEvent.click(screen.getByTestId('webhook-submit'));
    const secret = await screen.findByTestId('webhook-secret');
    expect((secret as HTMLInputElement).value).toBe(SECRET);
    expect(screen.getByText(/shown only this once/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      url: 'https://oa.example.cn/in',
      eventTypes: [],
      regionCode: '350100',
    });
    fireEvent.click(screen.getByTestId('webhook-copy-secret'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(SECRET));
    fireEvent.click(screen.getByTestId('webhook-secret-close'));
    // The list refreshed with the new webhook, and the secret is nowhere in it.
    const table = screen.getByTestId('webhook-table');
    await within(table).findByText('https://oa.example.cn/in');
    expect(table.textContent).not.toContain(SECRET);
  });

  it('puts the server’s url error under the url field', async () => {
    answer = (call) =>
      call.method === 'POST'
        ? {
            status: 400,
            body: {
              error: {
                code: 'validation',
                zh: 'url：必须以 http:// 或 https:// 开头',
                en: 'url: must start with http:// or https://, got ftp:',
                details: [
                  {
                    code: 'webhook.url_protocol',
                    field: 'url',
                    zh: '必须以 http:// 或 https:// 开头',
                    en: 'must start with http:// or https://, got ftp:',
                  },
                ],
              },
            },
          }
        : undefined;
    await openCreateForm();
    fireEvent.click(screen.getByTestId('webhook-submit'));
    expect(await screen.findByText('must start with http:// or https://, got ftp:')).toBeTruthy();
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
  });

  it('sends a test call and shows what the receiver answered', async () => {
    answer = (call) =>
      call.path.endsWith('/test')
        ? { status: 200, body: { statusCode: 503, error: 'HTTP 503: busy', durationMs: 12 } }
        : undefined;
    renderPage();
    fireEvent.click(await screen.findByTestId('webhook-send-test'));
    expect(await screen.findByText('Test call failed: HTTP 503: busy')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.path === `/webhooks/${hook.id}/test`)).toBe(true);
  });
});
