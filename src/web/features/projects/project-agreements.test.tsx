// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../app/session.tsx';
import { LocaleProvider } from '../../i18n/locale.tsx';
import type { Project, TimelineItems } from './api.ts';
import DetailPage from './detail-page.tsx';
import type { ProjectAgreementItem } from './project-agreements.tsx';

const ID = '0190a0a0-0000-7000-8000-0000000000c1';
const AGREEMENT_ID = '0190a0a0-0000-7000-8000-0000000000a1';

const project: Project = {
  id: ID,
  code: 'P2026000001',
  nationalCode: null,
  nameZh: '百宏新材料产业园项目',
  nameEn: 'Baihong new materials park',
  descriptionZh: null,
  descriptionEn: null,
  region: { code: '350102', nameZh: '鼓楼区', nameEn: 'Gulou' },
  industry: { code: '6513', nameZh: '应用软件开发', nameEn: 'Application software' },
  categoryCode: 'digital_industry',
  investment: {
    amount: 500_000_000,
    currency: 'CNY',
    qualifier: 'exact',
    usdRate: null,
    yuan: 500_000_000,
    displayZh: '5亿元',
    displayEn: 'RMB 500 million',
  },
  expectedOutputYuan: null,
  source: 'event',
  ownerId: null,
  isKey: false,
  isMajor: false,
  stage: 'signed',
  stageChangedOn: '2026-05-18',
  signedOn: '2026-05-18',
  droppedReason: null,
  investors: [],
  version: 2,
  createdAt: '2026-05-01T02:00:00.000Z',
  updatedAt: '2026-05-18T03:00:00.000Z',
};

function timelineOf(status: 'completed' | 'voided') {
  const agreement: ProjectAgreementItem = {
    id: AGREEMENT_ID,
    titleZh: '新材料产业园投资合同',
    titleEn: 'New materials park investment contract',
    status,
    signedOn: '2026-05-18',
    sealedAt: '2026-05-18T03:00:00.000Z',
    hasMovedProject: true,
    isVoidedAfterMove: status === 'voided',
  };
  const items: TimelineItems = [
    {
      kind: 'stage',
      at: '2026-05-18T03:00:00.000Z',
      on: '2026-05-18',
      actor: null,
      fromStage: 'negotiating',
      toStage: 'signed',
      note: null,
      action: null,
      changes: [],
      evidence: [],
      agreement: { id: AGREEMENT_ID, titleZh: agreement.titleZh, titleEn: agreement.titleEn, status },
    },
  ];
  return { items, agreements: [agreement] };
}

let status: 'completed' | 'voided' = 'completed';

beforeEach(() => {
  vi.stubGlobal('fetch', async (input: string) => {
    const path = new URL(input, 'http://localhost').pathname.replace(/^\/api/, '');
    const body =
      path === '/auth/session'
        ? { user: null }
        : path === `/projects/${ID}`
          ? project
          : path === `/projects/${ID}/timeline`
            ? timelineOf(status)
            : undefined;
    return new Response(JSON.stringify(body ?? { error: { code: 'not_found' } }), {
      status: body ? 200 : 404,
      headers: { 'content-type': 'application/json' },
    });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(locale: 'zh-CN' | 'en-US') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LocaleProvider initial={locale}>
        <AntApp>
          <SessionProvider>
            <MemoryRouter initialEntries={[`/projects/${ID}`]}>
              <Routes>
                <Route path="/projects/:id" element={<DetailPage />} />
              </Routes>
            </MemoryRouter>
          </SessionProvider>
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

const cases = [
  {
    locale: 'zh-CN',
    title: '新材料产业园投资合同',
    completed: '已签署',
    voided: '已作废',
    moved: '签约依据',
    flag: '签约协议已作废',
    platform: '落地平台 操作',
    pdf: '签约协议（已盖章PDF）',
  },
  {
    locale: 'en-US',
    title: 'New materials park investment contract',
    completed: 'Signed',
    voided: 'Voided',
    moved: 'Moved the project to Signed',
    flag: 'Signing agreement voided',
    platform: 'by Luodi platform',
    pdf: 'signed agreement (sealed PDF)',
  },
] as const;

describe.each(cases)('the project page in $locale', (expected) => {
  it('lists the sealed agreement that moved the project, linked, and names the platform on the timeline', async () => {
    status = 'completed';
    renderPage(expected.locale);
    const card = await screen.findByTestId('project-agreements');
    await waitFor(() => expect(within(card).getByText(expected.title)).toBeTruthy());
    const link = within(card).getByText(expected.title).closest('a');
    expect(link?.getAttribute('href')).toBe(`/agreements/${AGREEMENT_ID}`);
    expect(within(card).getByText(expected.completed)).toBeTruthy();
    expect(within(card).getByText(expected.moved)).toBeTruthy();
    const timeline = screen.getByTestId('project-timeline');
    expect(within(timeline).getByText(expected.pdf).closest('a')?.getAttribute('href')).toBe(
      `/api/agreements/${AGREEMENT_ID}/document.pdf`,
    );
    expect(within(timeline).getByText(new RegExp(expected.platform))).toBeTruthy();
    // The sealed PDF is listed with the project's evidence too.
    const hrefs = screen.getAllByText(expected.title).map((el) => el.closest('a')?.getAttribute('href'));
    expect(hrefs).toContain(`/api/agreements/${AGREEMENT_ID}/document.pdf`);
    expect(screen.queryByTestId('signing-voided-flag')).toBeNull();
  });

  it('flags the project when that agreement was voided later, with a link to it', async () => {
    status = 'voided';
    renderPage(expected.locale);
    const flag = await screen.findByTestId('signing-voided-flag');
    expect(within(flag).getByText(expected.flag)).toBeTruthy();
    expect(flag.querySelector('a')?.getAttribute('href')).toBe(`/agreements/${AGREEMENT_ID}`);
    expect(flag.textContent).toContain(expected.title);
    const card = screen.getByTestId('project-agreements');
    expect(within(card).getByText(expected.voided)).toBeTruthy();
  });
});
