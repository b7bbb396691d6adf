/**
 * Bilingual demo data built from the seed articles (seeds/000–004): the events they describe with every
 * published figure reproducible by SQL (see SEED_FIGURES), 300+ organizations, ~3,700 projects across all
 * stages with dated histories, and one user per role. Loads in one transaction, deterministically per seed.
 * Reference data (regions, industries, code lists) must be loaded first.
 */
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import type { Database, DbOrTx, Tx } from '../connect.ts';
import { buildDemoData } from './build.ts';
import { DEMO_AS_OF, SEED_FIGURES } from './figures.ts';
import { insertDemoData, insertOrganizations } from './insert.ts';
import { type DemoData, org } from './model.ts';
import { streamFor } from './random.ts';
import { assertReferenceCovers, countryRoot, demoContext, readReference } from './reference.ts';
import { DEMO_USERS } from './users.ts';

export { signedAtEvents, signedTotals } from './figure-queries.ts';
export { DEMO_AS_OF, SEED_FIGURES };

export interface DemoUser {
  username: string;
  password: string;
  role: string;
  regionCode: string;
  displayName: string;
}

export interface DemoSummary {
  users: DemoUser[];
  organizations: number;
  projects: number;
  events: number;
  agreements: number;
}

/** The seed the demo uses unless told otherwise (the day of the Fuzhou expo ceremony). */
export const DEFAULT_DEMO_SEED = 20220724;

const MARKER_EVENT = SEED_FIGURES.fuzhouExpo2022.eventNameZh;

async function isDemoPresent(db: DbOrTx): Promise<boolean> {
  const usernames = DEMO_USERS.map((u) => u.username);
  const [row] = await db.execute<{ present: boolean }>(
    sql`select (exists (select 1 from users where username = any(${sql.param(usernames)}::text[]))
      or exists (select 1 from events where name_zh = ${MARKER_EVENT})) as present`,
  );
  return row?.present === true;
}

/** True when the demo users or the demo's marker event are already in the database. */
export async function hasDemoData(database: Database): Promise<boolean> {
  return isDemoPresent(database.db);
}

async function assertNoClashes(tx: Tx, data: DemoData): Promise<void> {
  const codes = data.projects.map((p) => p.code);
  const uscis = data.orgs.flatMap((o) => (o.usci ? [o.usci] : []));
  const [row] = await tx.execute<{ codes: string[] | null; uscis: string[] | null }>(sql`select
    (select array_agg(code) from projects where code = any(${sql.param(codes)}::text[])) as codes,
    (select array_agg(usci) from organizations where merged_into_id is null and usci = any(${sql.param(uscis)}::text[])) as uscis`);
  const clashes = [...(row?.codes ?? []), ...(row?.uscis ?? [])];
  if (clashes.length > 0) {
    const list = clashes.slice(0, 10).join(', ');
    throw new AppError(
      'demo.conflict',
      409,
      `数据库中已有与演示数据相同的项目编号或信用代码（${list}），请在空数据库中载入演示数据`,
      `The database already holds project codes or credit codes the demo uses (${list}); load the demo into an empty database`,
    );
  }
}

async function insertUsers(
  tx: Tx,
  data: DemoData,
  country: string,
  hashes: Map<string, string>,
): Promise<Map<string, string>> {
  const ids = streamFor(data.context.seed, 'users');
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const id = ids.uuid();
    userIds.set(user.username, id);
    const organizationId = user.organization ? org(data, user.organization).id : null;
    await tx.execute(sql`insert into users (id, username, display_name, password_hash, role, region_code, organization_id, locale)
      values (${id}, ${user.username}, ${user.displayName}, ${hashes.get(user.password) ?? ''}, ${user.role},
        ${user.region === 'country' ? country : user.region}, ${organizationId}, ${user.locale})`);
  }
  return userIds;
}

/** Loads the demo data set into a database that has reference data and no demo yet; refuses otherwise. */
export async function loadDemo(database: Database, options: { seed?: number } = {}): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  // Argon2 is slow on purpose: hash before the transaction opens so it stays short.
  const passwords = [...new Set(DEMO_USERS.map((u) => u.password))];
  const hashes = new Map(await Promise.all(passwords.map(async (p) => [p, await hashPassword(p)] as const)));
  const summary = await database.db.transaction(async (tx) => {
    if (await isDemoPresent(tx)) {
      throw new AppError(
        'demo.already_loaded',
        409,
        '演示数据已经载入，不能重复载入',
        'Demo data is already loaded; it cannot be loaded twice',
      );
    }
    const reference = await readReference(tx);
    const country = countryRoot(reference);
    const { data, lastSequence } = buildDemoData(demoContext(reference, seed, DEMO_AS_OF));
    const userRegions = DEMO_USERS.map((u) => (u.region === 'country' ? country : u.region));
    assertReferenceCovers(reference, data, userRegions);
    await assertNoClashes(tx, data);
    await insertOrganizations(tx, data);
    const userIds = await insertUsers(tx, data, country, hashes);
    await insertDemoData(tx, data, userIds);
    // Codes the app hands out next continue after the demo's numbers.
    await tx.execute(
      sql`select setval('project_code_seq', greatest(${lastSequence}::bigint, (select last_value from project_code_seq)))`,
    );
    return {
      users: DEMO_USERS.map((u, i) => ({
        username: u.username,
        password: u.password,
        role: u.role,
        regionCode: userRegions[i] ?? u.region,
        displayName: u.displayName,
      })),
      organizations: data.orgs.length,
      projects: data.projects.length,
      events: data.events.length,
      agreements: data.agreements.length,
    };
  });
  // Fresh statistics, so the planner sees thousands of rows where it saw none (PGlite has no autovacuum).
  await database.sql`analyze`;
  return summary;
}
