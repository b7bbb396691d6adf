// Loaded before every test file (vitest.config.ts). Waits in web tests end when their condition holds, so a
// generous limit costs nothing on a quiet machine and keeps a busy one (2 cores, other suites) from failing.

export const ASYNC_UTIL_TIMEOUT_MS = 15_000;

// Only files in a DOM environment render; server tests skip loading React.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: ASYNC_UTIL_TIMEOUT_MS });
}
