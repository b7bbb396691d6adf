import { verify } from '@node-rs/argon2';
import { and, eq, isNull } from 'drizzle-orm';
import type { DemoSignIn } from '../../../contracts/auth.ts';
import type { Db } from '../../db/connect.ts';
import { DEMO_USERS } from '../../db/demo/users.ts';
import { users } from '../../db/schema.ts';

/** The account the sign-in page names as an example. */
export const DEMO_EXAMPLE = 'fuzhou.officer';

/**
 * The demo sign-in to offer on the sign-in page: only while the example account exists, is enabled and still
 * has its demo password, so a database without the demo (or one whose demo passwords were changed) offers none.
 * Each stored hash is checked once: the page asks on every visit, and a password check costs real CPU.
 */
export function createDemoSignIn(db: Db): () => Promise<DemoSignIn> {
  const spec = DEMO_USERS.find((user) => user.username === DEMO_EXAMPLE);
  const checked = new Map<string, Promise<boolean>>();
  return async () => {
    if (!spec) return { example: null };
    const [user] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.username, spec.username), isNull(users.disabledAt)));
    if (!user) return { example: null };
    let isDemoPassword = checked.get(user.passwordHash);
    if (!isDemoPassword) {
      isDemoPassword = verify(user.passwordHash, spec.password).catch(() => false);
      checked.set(user.passwordHash, isDemoPassword);
    }
    return { example: (await isDemoPassword) ? { username: spec.username, password: spec.password } : null };
  };
}
