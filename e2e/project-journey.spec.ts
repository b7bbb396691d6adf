import { expect, test } from '@playwright/test';
import { DEMO, EVIDENCE_PDF, signIn, signOut } from './support.ts';

// One officer's day: create a project, find it, move it on the board, read its timeline in two languages;
// then an officer of another city must not be able to open it.
test('officer creates, finds and signs a project; another city cannot open it', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const unique = `${Date.now() % 100000}`.padStart(5, '0');
  const name = `鼓岭数智海洋装备项目${unique}`;

  await page.addInitScript(() => localStorage.setItem('luodi.locale', 'zh-CN'));
  await signIn(page, DEMO.fuzhouOfficer);

  // Create with an amount typed as 3.24亿 and see the normalized figure before saving.
  await page.goto('/projects/new');
  await page.getByTestId('project-name-zh').fill(name);
  await page.getByTestId('project-investment-input').fill('3.24亿');
  await expect(page.getByTestId('amount-normalized')).toContainText('3.24亿元');
  await page.getByLabel('落地地区').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '福州市' }).click();
  await page.locator('.ant-cascader-menu-item', { hasText: '鼓楼区' }).click();
  await page.getByLabel('所属行业').click();
  await page.getByLabel('所属行业').fill('6513');
  await page.getByText(/6513 应用软件开发/).click();
  await page.getByLabel('初始阶段').click();
  await page.getByTitle('在谈').click();
  await page.getByTestId('project-submit').click();
  await expect(page.getByTestId('project-title')).toContainText(name);
  await expect(page.getByTestId('project-investment')).toHaveText('3.24亿元');
  const projectUrl = page.url();

  // Find it by a two-character search.
  await page.goto('/projects');
  await page
    .getByTestId('project-search')
    .locator('input')
    .fill(unique.slice(-2) === '00' ? '鼓岭' : '数智');
  await page.getByTestId('apply-filters').click();
  await expect(page.getByRole('link', { name })).toBeVisible();

  // Drag it on the board from 在谈 to 签约; the move asks for the signed agreement.
  await page.goto('/projects/kanban');
  const card = page.locator('[data-testid^="kanban-card-"]', { hasText: name });
  await expect(card).toBeVisible();
  await card.dragTo(page.getByTestId('kanban-header-signed'));
  await expect(page.getByRole('dialog')).toContainText('在谈 → 签约');
  await page
    .getByRole('dialog')
    .locator('input[type=file]')
    .setInputFiles({ name: '投资合同.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
  await expect(page.getByRole('dialog').getByText('投资合同.pdf')).toBeVisible();
  await page.getByTestId('confirm-move').click();
  await expect(
    page.getByTestId('kanban-column-signed').locator('[data-testid^="kanban-card-"]', { hasText: name }),
  ).toBeVisible();

  // A move the stage machine forbids is refused on the board.
  await page
    .getByTestId('kanban-column-signed')
    .locator('[data-testid^="kanban-card-"]', { hasText: name })
    .dragTo(page.getByTestId('kanban-header-lead'));
  await expect(page.getByText(/不能从“签约”退回“线索”/)).toBeVisible();

  // The move is on the timeline, with the evidence file.
  await page.goto(projectUrl);
  await expect(page.getByTestId('project-timeline')).toContainText('在谈 → 签约');
  await expect(page.getByText('投资合同.pdf')).toBeVisible();

  // The same page in English.
  await page.getByTestId('switch-language').click();
  await expect(page.getByTestId('project-timeline')).toContainText('Negotiating → Signed');
  await expect(page.getByText('Planned investment')).toBeVisible();
  await expect(page.getByTestId('project-investment')).toHaveText('RMB 324 million');
  await page.getByTestId('switch-language').click();

  // No console errors in the officer's whole journey.
  expect(errors).toEqual([]);

  // An officer of Quanzhou cannot open the Fuzhou project (the browser logs that 404 itself).
  await signOut(page);
  await signIn(page, DEMO.quanzhouOfficer);
  await page.goto(projectUrl);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});

test('a page the role may not use shows a clear 403 page', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('luodi.locale', 'zh-CN'));
  await signIn(page, DEMO.fujianLeader);
  await page.goto('/projects/new');
  await expect(page.getByTestId('forbidden')).toContainText('无权访问');
  await expect(page.getByTestId('new-project')).toHaveCount(0);
});
