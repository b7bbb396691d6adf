import { Command } from 'commander';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import type { DemoUser } from '../server/db/demo/index.ts';
import { ROLES, type Role } from '../server/db/schema.ts';
import { AppError } from '../server/platform/errors.ts';

function printUsers(users: DemoUser[]): void {
  console.log('\nDemo sign-ins 演示账号:');
  for (const user of users)
    console.log(
      `  ${user.role.padEnd(10)} ${user.username.padEnd(22)} ${user.password.padEnd(24)} ${user.displayName}`,
    );
  console.log('');
}

async function withDatabase<T>(
  work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command()
  .name('luodi')
  .description('Luodi (落地): investment promotion and project landing');

program
  .command('serve')
  .description('serve the app (embedded database unless DATABASE_URL is set)')
  .action(async () => {
    const config = readConfig();
    const started = Date.now();
    const { startServer } = await import('../server/main.ts');
    // LUODI_LOG=1 logs every request, LUODI_LOG=0 nothing; by default errors only.
    const log = process.env.LUODI_LOG;
    const server = await startServer(config, {
      logger: log === '1' ? true : log === '0' ? false : undefined,
    });
    console.log(
      `Luodi is running at ${server.url}  (${server.database.kind} database, ready in ${Date.now() - started} ms)`,
    );
    console.log(`API docs: ${server.url}/api/docs`);
    if (server.demo) printUsers(server.demo.users);
    const shutdown = async () => {
      // stop() bounds each step; should it still hang, or a second signal come, the process ends anyway.
      setTimeout(() => process.exit(1), 60_000).unref();
      process.once('SIGINT', () => process.exit(1));
      process.once('SIGTERM', () => process.exit(1));
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('bring the database schema and reference data up to date')
  .action(() =>
    withDatabase(async (database) => {
      const { seedReference } = await import('../server/db/seed-reference.ts');
      const { reindexSearchIfNeeded } = await import('../server/platform/search-reindex.ts');
      await seedReference(database);
      const rebuilt = await reindexSearchIfNeeded(database);
      if (rebuilt) console.log(`Rebuilt the search index of ${rebuilt} rows.`);
      console.log(`Schema and reference data are up to date (${database.kind} database).`);
    }),
  );

program
  .command('demo')
  .description('load the bilingual demo data into an empty database and print the demo sign-ins')
  .action(() =>
    withDatabase(async (database) => {
      const { seedReference } = await import('../server/db/seed-reference.ts');
      const { hasDemoData, loadDemo } = await import('../server/db/demo/index.ts');
      await seedReference(database);
      if (await hasDemoData(database))
        throw new Error('This database already has demo data; nothing was loaded.');
      const summary = await loadDemo(database);
      console.log(
        `Loaded ${summary.organizations} organizations, ${summary.projects} projects, ${summary.events} events, ${summary.agreements} agreements.`,
      );
      printUsers(summary.users);
    }),
  );

const user = program.command('user').description('manage users');
user
  .command('add')
  .description('add a user')
  .requiredOption('--username <name>', 'sign-in name')
  .requiredOption('--password <password>', 'at least 8 characters')
  .requiredOption('--role <role>', ROLES.join(' | '))
  .requiredOption('--region <code>', 'home region code (GB/T 2260), e.g. 350100')
  .option('--name <display>', 'display name')
  .option('--org <id>', 'organization id (enterprise users)')
  .option('--locale <locale>', 'zh-CN | en-US', 'zh-CN')
  .action(
    (options: {
      username: string;
      password: string;
      role: string;
      region: string;
      name?: string;
      org?: string;
      locale: string;
    }) =>
      withDatabase(async (database) => {
        if (!ROLES.includes(options.role as Role))
          throw new Error(`--role must be one of ${ROLES.join(', ')}; got "${options.role}"`);
        if (options.locale !== 'zh-CN' && options.locale !== 'en-US')
          throw new Error(`--locale must be zh-CN or en-US; got "${options.locale}"`);
        if (options.password.length < 8) throw new Error('--password must have at least 8 characters');
        const { createUser } = await import('../server/features/users/service.ts');
        const created = await database.db.transaction((tx) =>
          createUser(tx, null, {
            username: options.username,
            displayName: options.name ?? options.username,
            password: options.password,
            role: options.role as Role,
            regionCode: options.region,
            organizationId: options.org,
            locale: options.locale as 'zh-CN' | 'en-US',
          }),
        );
        console.log(
          `Created ${created.role} ${created.username} (${created.id}) in region ${created.regionCode}.`,
        );
      }),
  );

program
  .command('verify')
  .description(
    'check a signed agreement PDF offline: every signature, the chain to the CA, changes after signing, the audit chain',
  )
  .argument('<file>', 'the PDF to check')
  .requiredOption('--ca <pem>', "the deployment CA's certificate (PEM)")
  .option('--sealer <name>', "the platform seal certificate's name, required of the final signature")
  .option('--lang <locale>', 'zh-CN | en-US', 'zh-CN')
  .action(async (file: string, options: { ca: string; sealer?: string; lang: string }) => {
    if (options.lang !== 'zh-CN' && options.lang !== 'en-US')
      throw new Error(`--lang must be zh-CN or en-US; got "${options.lang}"`);
    const { verifyCommand } = await import('./verify.ts');
    process.exitCode = await verifyCommand(file, {
      ca: options.ca,
      sealer: options.sealer,
      lang: options.lang,
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const message =
    error instanceof AppError
      ? `${error.zh} / ${error.en}`
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`luodi: ${message}`);
  process.exit(1);
});
