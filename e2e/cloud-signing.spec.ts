import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { assertIndependentlyValid } from '../src/server/testing/independent-pdf-check.ts';
import { DEMO, signIn } from './support.ts';

// The development notifier appends every message (links, codes) to the data folder's outbox.
const OUTBOX = path.resolve('.e2e-data', 'outbox.jsonl');

type OutboxEntry = { kind: string; to: { name: string }; data: Record<string, string> };

// A wait for something on its way: long enough for a busy machine, it only ends a journey that hangs.
const ARRIVAL_MS = 60_000;

async function lastMessage(kind: string, name: string): Promise<OutboxEntry> {
  let found: OutboxEntry | undefined;
  await expect
    .poll(
      async () => {
        const text = await readFile(OUTBOX, 'utf8').catch(() => '');
        found = text
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as OutboxEntry)
          .filter((entry) => entry.kind === kind && entry.to.name === name)
          .at(-1);
        return found !== undefined;
      },
      { message: `a ${kind} message for ${name}`, timeout: ARRIVAL_MS },
    )
    .toBe(true);
  return found as OutboxEntry;
}

async function api(
  request: APIRequestContext,
  token: string,
  method: 'post' | 'get',
  url: string,
  data?: unknown,
) {
  const response = await request[method](url, { headers: { authorization: `Bearer ${token}` }, data });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

/** A signer opens their link on a phone, confirms the code and signs, drawing or typing. */
async function signAsSigner(browser: Browser, name: string, how: 'draw' | 'type') {
  const link = (await lastMessage('signing-link', name)).data.url ?? '';
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  await expect(page.getByTestId('sign-agreement-title')).toContainText('泉州市新能源产业战略合作协议');
  await expect(page.getByTestId('pdf-page-1')).toBeVisible();
  if (how === 'draw') await page.screenshot({ path: 'docs/screenshots/sign-page-zh.png' });
  await page.getByTestId('sign-code-send').click();
  const code = (await lastMessage('signing-code', name)).data.code ?? '';
  await page.getByTestId('sign-code-input').fill(code);
  await page.getByTestId('sign-code-submit').click();
  if (how === 'type') {
    await page.getByTestId('signature-tab-type').click();
    await page.getByTestId('signature-typed-input').fill(name);
  } else {
    const canvas = page.getByTestId('signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no signature canvas');
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (let step = 1; step <= 12; step += 1)
      await page.mouse.move(box.x + 30 + step * 20, box.y + 120 - Math.sin(step / 2) * 50, { steps: 3 });
    await page.mouse.up();
  }
  await page.getByTestId('sign-agree').check();
  await page.getByTestId('sign-submit').dblclick(); // a double tap must count once
  await expect(page.getByTestId('sign-done')).toBeVisible();
  await context.close();
}

async function counter(page: Page, testId: string) {
  return page.getByTestId(testId).getAttribute('data-value');
}

// Three parties sign an agreement remotely while the ceremony's live screen is open on a second page: the screen
// shows the new totals, the officer sees the sealed file, and the public verify page accepts it.
test('three-party cloud signing with the live screen open', async ({ browser, page, request }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const unique = `${Date.now() % 100000}`;
  const { token } = await (await request.post('/api/auth/sign-in', { data: DEMO.quanzhouOfficer })).json();
  const event = await api(request, token, 'post', '/api/events', {
    kind: 'signing_ceremony',
    nameZh: `泉州市新能源项目云签约仪式${unique}`,
    nameEn: `Quanzhou new energy cloud signing ${unique}`,
    regionCode: '350500',
    startsOn: '2026-11-21',
    endsOn: '2026-11-21',
    isOnline: true,
  });
  const organizations = [];
  for (const nameZh of [
    `泉州市投资促进中心${unique}`,
    `宁德时代泉州基地${unique}`,
    `晋江市投资促进中心${unique}`,
  ])
    organizations.push(await api(request, token, 'post', '/api/organizations', { nameZh, type: 'private' }));
  const project = await api(request, token, 'post', '/api/projects', {
    nameZh: `动力电池生产基地项目${unique}`,
    investment: '12.5亿',
    regionCode: '350582',
    industryCode: '3841',
    categoryCode: 'other',
    source: 'event',
  });
  const signers = [`王明${unique}`, `李华${unique}`, `陈静${unique}`];
  const draft = await api(request, token, 'post', '/api/agreements', {
    eventId: event.id,
    typeCode: 'strategic_cooperation',
    titleZh: '泉州市新能源产业战略合作协议',
    titleEn: 'Strategic Cooperation Agreement on New Energy Industry in Quanzhou',
    amount: '12.5亿',
    signingOrder: 'parallel',
    parties: organizations.map((organization, index) => ({
      organizationId: organization.id,
      signers: [{ name: signers[index], email: `signer${index}@example.com` }],
    })),
    projectIds: [project.id],
  });

  // The ceremony screen, open before anyone signs.
  const screenContext = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const screen = await screenContext.newPage();
  await screen.goto(`/screen/${event.id}`);
  await expect(screen.getByTestId('screen-status')).toHaveAttribute('data-status', 'live');
  expect(await counter(screen, 'screen-agreements')).toBe('0');

  // The officer sends the agreement out for signing from its page.
  await page.addInitScript(() => localStorage.setItem('luodi.locale', 'zh-CN'));
  await signIn(page, DEMO.quanzhouOfficer);
  await page.goto(`/agreements/${draft.id}`);
  await page.getByTestId('agreement-send').click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /发起签署/ })
    .click();
  await expect(page.getByText('签署中').first()).toBeVisible();

  await signAsSigner(browser, signers[0] as string, 'draw');
  await signAsSigner(browser, signers[1] as string, 'type');
  await expect(screen.getByTestId('screen-pending')).toHaveAttribute('data-value', '1');
  await signAsSigner(browser, signers[2] as string, 'draw');

  // Within moments of the last signature the screen counts the agreement, its project and its investment.
  await expect(screen.getByTestId('screen-agreements')).toHaveAttribute('data-value', '1', {
    timeout: ARRIVAL_MS,
  });
  await expect(screen.getByTestId('screen-projects')).toHaveAttribute('data-value', '1');
  await expect(screen.getByTestId('screen-investment')).toHaveAttribute('data-value', '1250000000');
  await expect(screen.getByTestId('screen-feed-item').first()).toContainText('泉州市新能源产业战略合作协议');
  // The counters have run up to the new figures; the feed's slide-in is finished by the screenshot itself.
  await expect(screen.getByTestId('screen-agreements').locator('.lds-counter-value')).toHaveText(/^1\D/);
  await expect(screen.getByTestId('screen-investment').locator('.lds-counter-value')).toContainText('12.50');
  await screen.screenshot({ path: 'docs/screenshots/screen-after-signing-zh.png', animations: 'disabled' });
  await screenContext.close();

  // The officer sees it completed and sealed; the sealed file verifies on the public page.
  let agreement = await api(request, token, 'get', `/api/agreements/${draft.id}`);
  await expect
    .poll(
      async () => {
        agreement = await api(request, token, 'get', `/api/agreements/${draft.id}`);
        return agreement.seal.status;
      },
      { message: 'the seal', timeout: ARRIVAL_MS },
    )
    .toBe('sealed');
  expect(agreement).toMatchObject({ status: 'completed', seal: { status: 'sealed' } });
  await page.reload();
  await expect(page.getByText(agreement.seal.sha256).first()).toBeVisible();
  const sealed = await request.get(`/api/agreements/${draft.id}/document.pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  // Tools that share no code with Luodi judge the same file: pdfsig, openssl cms against the CA, qpdf.
  const caPem = await (await request.get('/api/signing/ca.pem')).text();
  await assertIndependentlyValid(new Uint8Array(await sealed.body()), caPem, 'the sealed agreement');
  await page.goto('/verify');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'sealed.pdf', mimeType: 'application/pdf', buffer: await sealed.body() });
  await expect(page.getByTestId('verify-verdict')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('verify-lookup')).toContainText('泉州市新能源产业战略合作协议');
  await page.screenshot({ path: 'docs/screenshots/verify-result-zh.png', fullPage: true });
  expect(errors).toEqual([]);
});
