import { vi } from 'vitest';

/** How long a test waits for something on its way before calling it lost; never how long it should take. */
export const CONDITION_WAIT_MS = 45_000;

/** Reads until `isDone` holds of what was read, polling; fails with the last value when it never does. */
export async function readUntil<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  what: string,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await read();
      if (!isDone(value))
        throw new Error(`still waiting for ${what}: ${JSON.stringify(value).slice(0, 300)}`);
      return value;
    },
    { timeout: CONDITION_WAIT_MS, interval: 50 },
  );
}
