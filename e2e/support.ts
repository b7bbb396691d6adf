import { expect, type Page } from '@playwright/test';

/** Demo sign-ins (src/server/db/demo): a Fuzhou officer, a Quanzhou officer, a Fujian leader. */
export const DEMO = {
  fuzhouOfficer: { username: 'fuzhou.officer', password: 'luodi-officer-2024' },
  quanzhouOfficer: { username: 'quanzhou.officer', password: 'luodi-officer-2024' },
  fujianLeader: { username: 'fujian.leader', password: 'luodi-leader-2024' },
};

export async function signIn(page: Page, user: { username: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel(/用户名|User name/).fill(user.username);
  await page.getByLabel(/密码|Password/).fill(user.password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').hover();
  await page.getByText(/退出登录|Sign out/).click();
  await expect(page).toHaveURL(/sign-in/);
}

/** A one-page PDF good enough to stand as uploaded evidence. */
export const EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
