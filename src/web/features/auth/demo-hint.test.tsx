// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DemoSignIn } from '../../../contracts/auth.ts';
import { SessionProvider } from '../../app/session.tsx';
import { LocaleProvider } from '../../i18n/locale.tsx';
import SignInPage from './sign-in-page.tsx';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** The sign-in page against a server whose /auth/demo answers `demo`; resolves once it has the answer. */
async function renderSignIn(demo: DemoSignIn, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    asked.push(input);
    if (input === '/api/auth/session') return json({ user: null });
    if (input === '/api/auth/demo') return json(demo);
    return new Response('null', { status: 404 });
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LocaleProvider initial={locale}>
        <SessionProvider>
          <MemoryRouter>
            <SignInPage />
          </MemoryRouter>
        </SessionProvider>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  await screen.findByLabelText(locale === 'zh-CN' ? '用户名' : 'User name');
  // The page has the server's answer about the demo.
  await waitFor(() => expect(client.getQueryState(['auth', 'demo'])?.status).toBe('success'));
  expect(asked).toContain('/api/auth/demo');
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the demo sign-in hint', () => {
  it('names the demo sign-in when the server holds the demo data', async () => {
    await renderSignIn({ example: { username: 'fuzhou.officer', password: 'luodi-officer-2024' } }, 'en-US');
    expect((await screen.findByTestId('demo-hint')).textContent).toBe(
      'Demo sign-ins are printed when the server starts, e.g. fuzhou.officer / luodi-officer-2024',
    );
  });

  it('shows no password at all without demo data', async () => {
    await renderSignIn({ example: null });
    expect(screen.queryByTestId('demo-hint')).toBeNull();
    expect(document.body.textContent).not.toMatch(/luodi-|演示账号/);
  });
});
