import { expect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

// Screenshots of the main pages in both languages, for the README (docs/screenshots/).
const LOCALES = [
  { code: 'zh-CN', suffix: 'zh' },
  { code: 'en-US', suffix: 'en' },
] as const;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton')).toHaveCount(0);
  // Finishes antd's fade-in transitions before the picture, or it shows half-faded tables.
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false, animations: 'disabled' });
}

for (const locale of LOCALES) {
  test(`main pages in ${locale.code}`, async ({ page }) => {
    await page.addInitScript((code) => localStorage.setItem('luodi.locale', code), locale.code);
    await page.goto('/sign-in');
    await shoot(page, `sign-in-${locale.suffix}`);
    await signIn(page, DEMO.fujianLeader);
    await expect(page.getByTestId('pipeline-chart')).toBeVisible();
    await shoot(page, `workbench-${locale.suffix}`);
    await page.goto('/projects?sort=investment');
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await shoot(page, `projects-${locale.suffix}`);
    await page.locator('.ant-table-row a').first().click();
    await expect(page.getByTestId('project-title')).toBeVisible();
    await expect(page.getByTestId('project-timeline')).toBeVisible();
    await shoot(page, `project-detail-${locale.suffix}`);
    await page.goto('/projects/kanban');
    await expect(page.locator('[data-testid^="kanban-card-"]').first()).toBeVisible();
    await shoot(page, `kanban-${locale.suffix}`);
    await page.goto('/organizations');
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await shoot(page, `organizations-${locale.suffix}`);
    // An investor of the demo data (other journeys add organizations without projects first in the list).
    await page.goto(`/organizations?q=${encodeURIComponent('百宏聚纤')}`);
    await page.locator('.ant-table-row a').first().click();
    await page.waitForURL(/organizations\/[0-9a-f-]{36}/);
    await expect(page.getByTestId('org-detail-name')).toBeVisible();
    await expect(page.getByTestId('org-projects').locator('.ant-table-row').first()).toBeVisible();
    await shoot(page, `organization-detail-${locale.suffix}`);
    await page.goto('/events');
    await expect(page.getByTestId('event-row-link').first()).toBeVisible();
    await shoot(page, `events-${locale.suffix}`);
    await page
      .getByTestId('event-row-link')
      .filter({ hasText: /数字产品博览会签约仪式|Digital Products Expo/ })
      .first()
      .click();
    await expect(page.getByTestId('event-totals')).toContainText(
      locale.code === 'zh-CN' ? '3.24亿元' : 'RMB 324 million',
    );
    await shoot(page, `event-detail-${locale.suffix}`);
    await page.goto('/agreements');
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await shoot(page, `agreements-${locale.suffix}`);
    await page.getByTestId('agreement-row-link').first().click();
    await page.waitForURL(/agreements\/[0-9a-f-]{36}/);
    await expect(page.getByTestId('agreement-title')).toBeVisible();
    await shoot(page, `agreement-detail-${locale.suffix}`);
    await page.goto('/verify');
    await expect(page.locator('.ant-upload-drag')).toBeVisible();
    await shoot(page, `verify-${locale.suffix}`);
  });
}
