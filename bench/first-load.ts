// First start and first page loads, as a new user meets them: `luodi serve` on an empty data folder (demo
// data loaded), then pages opened cold in Chromium. Prints each figure; the bars are 10 s and 2 s.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const port = Number(process.env.BENCH_PORT ?? 3400);
const base = `http://localhost:${port}`;
const root = path.resolve(import.meta.dirname, '..');

async function waitForPage(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/sign-in`);
      if (response.ok && (await response.text()).includes('id="root"')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('server did not answer within 60 s');
}

export async function runFirstLoad(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'luodi-first-load-'));
  const started = Date.now();
  const server = spawn(process.execPath, [path.join(root, 'bin/luodi.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LUODI_DATA_DIR: dataDir, LUODI_DEMO: '1', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    await waitForPage(started + 60_000);
    const startMs = Date.now() - started;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const timed = async (label: string, action: () => Promise<void>) => {
      const t0 = Date.now();
      await action();
      return { label, ms: Date.now() - t0 };
    };
    const results = [
      await timed('sign-in page, cold cache', async () => {
        await page.goto(`${base}/sign-in`);
        await page.getByRole('button', { name: /登\s*录|Sign in/ }).waitFor();
      }),
    ];
    await page.getByLabel(/用户名|User name/).fill('fujian.leader');
    await page.getByLabel(/密码|Password/).fill('luodi-leader-2024');
    results.push(
      await timed('sign in → workbench with figures', async () => {
        await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
        await page.getByTestId('pipeline-chart').waitFor();
        await page.locator('.ant-statistic-content-value').first().waitFor();
      }),
    );
    for (const [label, url, ready] of [
      ['project list (3,700+ projects), full reload', '/projects', '.ant-table-row'],
      ['pipeline board, full reload', '/projects/kanban', '[data-testid^="kanban-card-"]'],
      ['organizations, full reload', '/organizations', '.ant-table-row'],
    ] as const) {
      results.push(
        await timed(label, async () => {
          await page.goto(`${base}${url}`);
          await page.locator(ready).first().waitFor();
        }),
      );
    }
    await browser.close();
    console.log('\nFirst start and first loads (embedded database, demo data)');
    console.log(`  luodi serve on an empty data folder → page served: ${startMs} ms   (bar: 10,000 ms)`);
    for (const result of results)
      console.log(`  ${result.label.padEnd(48)} ${String(result.ms).padStart(6)} ms   (bar: 2,000 ms)`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runFirstLoad();
