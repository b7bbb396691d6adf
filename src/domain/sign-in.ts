/** The sign-in limits: per account a growing back-off, per source address a fixed window of attempts. */
export const SIGN_IN_LIMIT = {
  /** Failures of one account that may follow each other without waiting. */
  freeFailures: 5,
  /** The longest back-off, in seconds (15 minutes). */
  maxBackoffSeconds: 15 * 60,
  /** An account's failures are forgotten after this long without an attempt. */
  forgetAfterHours: 24,
  /** Attempts one source address may make in one window (successful ones are given back). */
  addressAttempts: 100,
  addressWindowMinutes: 15,
  /** How long a browser that signed in is remembered, with its own back-off apart from the account's. */
  deviceDays: 180,
} as const;

/**
 * How long an account waits after its `failures`-th failure in a row: nothing before the fifth, then 1 s,
 * doubling with each further failure, capped at 15 minutes.
 */
export function backoffSeconds(failures: number): number {
  const beyond = failures - SIGN_IN_LIMIT.freeFailures;
  if (beyond < 0) return 0;
  return Math.min(2 ** Math.min(beyond, 30), SIGN_IN_LIMIT.maxBackoffSeconds);
}

/** The back-off of every failure count up to the cap, index 0 for the first failure: the SQL looks it up. */
export function backoffTable(): number[] {
  const table: number[] = [];
  for (let failures = 1; table.at(-1) !== SIGN_IN_LIMIT.maxBackoffSeconds; failures++)
    table.push(backoffSeconds(failures));
  return table;
}
