import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layers of docs/ARCHITECTURE.md as a check: the browser never loads server code, and the domain is pure.

const SRC = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|jsx)$/.test(entry.name) ? [full] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  /** Path inside src (posix) for a relative import, null for a package. */
  target: string | null;
}

/** Every static import, export-from, dynamic import() and require() of a file, as TypeScript reads them. */
function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(({ fileName: specifier }) => ({
    file: path.relative(SRC, file).split(path.sep).join('/'),
    specifier,
    target: specifier.startsWith('.')
      ? path
          .relative(SRC, path.resolve(path.dirname(file), specifier))
          .split(path.sep)
          .join('/')
      : null,
  }));
}

const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file);
const under = (target: string | null, folder: string) =>
  target !== null && (target === folder || target.startsWith(`${folder}/`));

// Packages a domain test may use (and node: built-ins, to read fixtures); domain code imports only the domain.
const DOMAIN_TEST_PACKAGES = new Set(['vitest', 'fast-check', '@fast-check/vitest']);
const isDomainTestPackage = (specifier: string) =>
  DOMAIN_TEST_PACKAGES.has(specifier) || specifier.startsWith('node:');

interface Rule {
  folder: string;
  rule: string;
  isAllowed: (imp: Import) => boolean;
}

const RULES: Rule[] = [
  {
    folder: 'web',
    rule: 'src/web must not import from src/server or src/cli (shared code lives in src/domain or src/contracts)',
    isAllowed: (imp) => !under(imp.target, 'server') && !under(imp.target, 'cli'),
  },
  {
    folder: 'contracts',
    rule: 'src/contracts is loaded by the browser: it may import only src/contracts, src/domain and packages',
    isAllowed: (imp) => imp.target === null || under(imp.target, 'contracts') || under(imp.target, 'domain'),
  },
  {
    folder: 'domain',
    rule: 'src/domain is pure: it imports only src/domain (its tests may also use test packages and node:)',
    isAllowed: (imp) =>
      imp.target === null
        ? isTest(imp.file) && isDomainTestPackage(imp.specifier)
        : under(imp.target, 'domain'),
  },
];

describe('import boundaries', () => {
  it.each(RULES)('$rule', ({ folder, isAllowed }) => {
    const files = sourceFiles(path.join(SRC, folder));
    expect(files.length).toBeGreaterThan(0);
    const broken = files
      .flatMap(importsOf)
      .filter((imp) => !isAllowed(imp))
      .map((imp) => `${imp.file} imports ${imp.specifier}`);
    expect(broken).toEqual([]);
  });

  it('sees every kind of import', () => {
    const probe = path.join(SRC, 'web', 'probe.ts');
    const text = [
      "import a from '../server/a.ts';",
      "export { b } from '../server/b.ts';",
      "const c = await import('../server/c.ts');",
      "import type { D } from '../server/d.ts';",
    ].join('\n');
    const found = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    expect(found).toEqual(['../server/a.ts', '../server/b.ts', '../server/c.ts', '../server/d.ts']);
    expect(path.relative(SRC, path.resolve(path.dirname(probe), '../server/a.ts'))).toBe(
      path.join('server', 'a.ts'),
    );
  });
});
