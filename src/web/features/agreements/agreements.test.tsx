// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../app/session.tsx';
import { LocaleProvider } from '../../i18n/locale.tsx';
import type { Agreement } from './api.ts';
import DetailPage from './detail-page.tsx';
import FormPage from './form-page.tsx';
import OnsitePage from './onsite-page.tsx';

const ID = '0190a0a0-0000-7000-8000-0000000000d1';
const EVENT_ID = '0190a0a0-0000-7000-8000-0000000000e1';
const ORG_A = '0190a0a0-0000-7000-8000-00000000000a';
const ORG_B = '0190a0a0-0000-7000-8000-00000000000b';
const S1 = '0190a0a0-0000-7000-8000-0000000000s1'.replace('s', '5');
const S2 = '0190a0a0-0000-7000-8000-0000000000s2'.replace('s', '5');

function agreementFixture(overrides: Partial<Agreement> = {}): Agreement {
  const signerBase = {
    title: null,
    signedAt: null,
    signedVia: null,
    declinedReason: null,
    linkSentAt: null,
  } as const;
  return {
    id: ID,
    event: { id: EVENT_ID, nameZh: '数字中国建设峰会', nameEn: 'Digital China Summit' },
    typeCode: 'investment_contract',
    titleZh: '数字产业园投资合同',
    titleEn: 'Digital park investment contract',
    amount: { yuan: 1_200_000_000, displayZh: '12亿元', displayEn: 'RMB 1.2 billion' },
    status: 'draft',
    signingOrder: 'sequential',
    expiresOn: null,
    signedOn: null,
    voidReason: null,
    region: { code: '350100', nameZh: '福州市', nameEn: 'Fuzhou' },
    parties: [
      {
        organizationId: ORG_A,
        nameZh: '福州市商务局',
        nameEn: null,
        signers: [
          {
            ...signerBase,
            id: S1,
            position: 0,
            name: '王局长',
            status: 'pending',
            contact: 'w***@fz.gov.cn',
            isTurn: true,
          },
        ],
      },
      {
        organizationId: ORG_B,
        nameZh: '数字科技有限公司',
        nameEn: null,
        signers: [
          {
            ...signerBase,
            id: S2,
            position: 1,
            name: 'Li Ming',
            status: 'pending',
            contact: null,
            isTurn: false,
          },
        ],
      },
    ],
    projects: [],
    document: { revision: 0, sha256: null, isUploaded: false },
    seal: { status: 'none', sealedAt: null, sha256: null, attempts: 0, error: null },
    signedAt: null,
    version: 3,
    ...overrides,
  };
}

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
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    if (call.path === '/auth/session')
      return json(200, {
        user: {
          id: '0190a0a0-0000-7000-8000-0000000000ff',
          username: 'fuzhou.officer',
          displayName: '招商专员',
          role: 'officer',
          regionCode: '350100',
          organizationId: null,
          locale: 'zh-CN',
        },
      });
    if (call.path.startsWith('/reference/regions')) return json(200, { items: [] });
    if (/^\/(organizations|events|projects)\?/.test(call.path))
      return json(200, { items: [], nextCursor: null });
    const answer = handler(call);
    return answer ? json(answer.status ?? 200, answer.body) : json(404, { error: { code: 'not_found' } });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  handler = () => undefined;
});

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LocaleProvider initial="zh-CN">
        <AntApp>
          <SessionProvider>
            <MemoryRouter initialEntries={[path]}>
              <Routes>
                <Route path="/agreements/new" element={<FormPage />} />
                <Route path="/agreements/:id" element={<DetailPage />} />
                <Route path="/agreements/:id/edit" element={<FormPage />} />
                <Route path="/events/:id/onsite" element={<OnsitePage />} />
              </Routes>
            </MemoryRouter>
          </SessionProvider>
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

describe('parties and signers editor', () => {
  it('starts with two parties, keeps at least two, and adds parties and signers', async () => {
    renderAt(`/agreements/new?eventId=${EVENT_ID}`);
    await waitFor(() => expect(screen.getAllByTestId('agreement-party')).toHaveLength(2));
    for (const button of screen.getAllByTestId('agreement-remove-party'))
      expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('agreement-add-party'));
    await waitFor(() => expect(screen.getAllByTestId('agreement-party')).toHaveLength(3));
    for (const button of screen.getAllByTestId('agreement-remove-party'))
      expect((button as HTMLButtonElement).disabled).toBe(false);
    const third = screen.getAllByTestId('agreement-party')[2] as HTMLElement;
    fireEvent.click(within(third).getByTestId('agreement-add-signer'));
    await waitFor(() => expect(within(third).getAllByTestId('agreement-signer')).toHaveLength(2));
    expect(screen.getByText('第 3 方')).toBeTruthy();
  });

  it("puts a server error on the signer's own field and keeps hidden contacts by not resending parties", async () => {
    handler = (call) => {
      if (call.method === 'GET' && call.path === `/agreements/${ID}`) return { body: agreementFixture() };
      if (call.method === 'PATCH')
        return {
          status: 400,
          body: {
            error: {
              code: 'validation',
              zh: '输入有误',
              en: 'Invalid input',
              details: [
                {
                  code: 'validation.invalid_format',
                  field: 'body.parties.1.signers.0.email',
                  zh: '邮箱格式不正确（服务器）',
                  en: 'Bad e-mail (server)',
                },
              ],
            },
          },
        };
      return undefined;
    };
    renderAt(`/agreements/${ID}/edit`);
    await waitFor(() =>
      expect((screen.getByTestId('agreement-title-zh') as HTMLInputElement).value).toBe('数字产业园投资合同'),
    );
    // The masked contact on file is shown beside the signer, never put into the e-mail box.
    expect(screen.getByText('已登记：w***@fz.gov.cn')).toBeTruthy();
    fireEvent.change(screen.getByTestId('agreement-title-zh'), {
      target: { value: '数字产业园投资合同（修订）' },
    });
    fireEvent.click(screen.getByTestId('agreement-submit'));
    await waitFor(() => expect(screen.getByText('邮箱格式不正确（服务器）')).toBeTruthy());
    const second = screen.getAllByTestId('agreement-party')[1] as HTMLElement;
    expect(within(second).getByText('邮箱格式不正确（服务器）')).toBeTruthy();
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      titleZh: '数字产业园投资合同（修订）',
      version: 3,
      amount: '1200000000',
    });
    expect(patch?.body).not.toHaveProperty('parties');
  });
});

describe('detail page', () => {
  it('shows signers in order with whose turn it is, and re-issues a link once', async () => {
    const signing = agreementFixture({ status: 'signing' });
    handler = (call) => {
      if (call.method === 'GET' && call.path === `/agreements/${ID}`) return { body: signing };
      if (call.path === `/agreements/${ID}/audit`)
        return {
          body: {
            isValid: true,
            entries: [
              {
                sequence: 1,
                at: '2026-05-18T01:00:00.000Z',
                actor: '招商专员',
                action: 'send',
                details: null,
                previousHash: '0'.repeat(64),
                hash: 'abcdef0123456789'.repeat(4),
              },
            ],
          },
        };
      if (call.method === 'POST' && call.path === `/agreements/${ID}/signers/${S1}/link`)
        return { body: { signerId: S1, url: 'https://luodi.example/sign/tok', sentTo: 'w***@fz.gov.cn' } };
      return undefined;
    };
    renderAt(`/agreements/${ID}`);
    await waitFor(() => expect(screen.getByTestId('agreement-turn')?.textContent).toContain('王局长'));
    expect(screen.getAllByTestId('agreement-signed-count')[0]?.textContent).toContain('0/2');
    expect(screen.getAllByTestId('signer-state').map((tag) => tag.textContent)).toEqual([
      '待签署',
      '等待前序签署',
    ]);
    await waitFor(() => expect(screen.getByTestId('audit-chain')?.textContent).toContain('哈希链完整'));
    expect(screen.getByText('abcdef012345')).toBeTruthy();
    // Only the signer whose turn it is can get a new link.
    expect(screen.getAllByTestId('signer-reissue')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('signer-reissue'));
    fireEvent.click(await screen.findByRole('button', { name: '重发链接' }));
    await waitFor(() =>
      expect((screen.getByTestId('issued-link-url') as HTMLInputElement).value).toBe(
        'https://luodi.example/sign/tok',
      ),
    );
  });
});

describe('on-site signing', () => {
  it('lets the host sign only for the signer whose turn it is, after the identity check', async () => {
    const signing = agreementFixture({ status: 'signing' });
    handler = (call) => {
      if (call.path === `/events/${EVENT_ID}`)
        return { body: { id: EVENT_ID, nameZh: '数字中国建设峰会', nameEn: null } };
      if (call.path.startsWith('/agreements?')) return { body: { items: [signing], nextCursor: null } };
      if (call.method === 'POST' && call.path === `/agreements/${ID}/signers/${S1}/onsite`)
        return {
          body: {
            signerStatus: 'signed',
            agreementStatus: 'signing',
            isNew: true,
            signedAt: '2026-05-18T03:00:00.000Z',
            documentRevision: 2,
            isAllSigned: false,
          },
        };
      return undefined;
    };
    renderAt(`/events/${EVENT_ID}/onsite`);
    const buttons = await screen.findAllByTestId('onsite-signer');
    expect(
      calls.some((call) => call.path === `/agreements?eventId=${EVENT_ID}&status=signing&limit=200`),
    ).toBe(true);
    expect((buttons[0] as HTMLButtonElement).disabled).toBe(false);
    expect((buttons[1] as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(buttons[0] as HTMLElement);
    const confirm = await screen.findByTestId('onsite-confirm');
    fireEvent.click(screen.getByTestId('signature-tab-type'));
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('onsite-identity-check'));
    await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByText('王局长 已签署')).toBeTruthy());
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({ signature: { kind: 'typed', text: '王局长' } });
  });
});
