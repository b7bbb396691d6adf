// Judges a signed PDF with tools that share no code with Luodi: poppler's pdfsig, openssl cms and qpdf.
// pdfsig runs with -nocert: it checks each signature's digest and CMS signature and what the last one
// covers, but would need an NSS database (certutil, not installed) to trust our CA. The chain to the
// deployment CA is judged by `openssl cms -verify -CAfile`, which verifies signature, signed attributes
// and certificate chain at once; -purpose any because our party certificates carry no S/MIME usage.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TOOLS = ['pdfsig', 'openssl', 'qpdf'] as const;
// Generous: on a busy 2-core machine a tool may wait for the CPU long before it is slow.
const TOOL_TIMEOUT_MS = 120_000;

type Run = { code: number; output: string };

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, output });
      },
    );
  });
}

let available: Promise<string[]> | undefined;

/** The independent tools missing on this machine (checked once per process). */
export function missingTools(): Promise<string[]> {
  available ??= Promise.all(
    TOOLS.map((tool) =>
      run(tool, tool === 'openssl' ? ['version'] : ['--version'], tmpdir()).then(
        () => null,
        () => tool,
      ),
    ),
  ).then((missing) => missing.filter((tool): tool is (typeof TOOLS)[number] => tool !== null));
  return available;
}

type SignatureBytes = { byteRange: [number, number, number, number]; cms: Buffer; signed: Buffer };

/** Each signature's CMS (its DER, without the zero padding) and the bytes its /ByteRange names. */
export function signaturesOf(bytes: Uint8Array): SignatureBytes[] {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = file.toString('latin1');
  const found: SignatureBytes[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number];
    const [start, length, next, nextLength] = byteRange;
    const hex = text.slice(start + length, next).replace(/[<>\s]/g, '');
    const der = Buffer.from(hex, 'hex');
    found.push({
      byteRange,
      cms: der.subarray(0, derLength(der)),
      signed: Buffer.concat([file.subarray(start, start + length), file.subarray(next, next + nextLength)]),
    });
  }
  return found;
}

function derLength(der: Buffer): number {
  const first = der[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  return 2 + count + der.subarray(2, 2 + count).readUIntBE(0, count);
}

/** What pdfsig said of each signature; every one must be valid and the last must cover the whole file. */
function judgePdfsig(result: Run, expected: number): string[] {
  const blocks = result.output.split(/^Signature #\d+:/m).slice(1);
  const problems: string[] = [];
  if (result.code !== 0)
    problems.push(`pdfsig exited with ${result.code}: ${result.output.trim().slice(0, 300)}`);
  if (blocks.length !== expected)
    problems.push(`pdfsig saw ${blocks.length} signatures, the file has ${expected}`);
  blocks.forEach((block, index) => {
    const validation = /Signature Validation: (.*)/.exec(block)?.[1]?.trim();
    if (validation !== 'Signature is Valid.')
      problems.push(`pdfsig: signature ${index + 1}: ${validation ?? 'no validation line'}`);
  });
  if (blocks.length > 0 && !/Total document signed/.test(blocks.at(-1) ?? ''))
    problems.push('pdfsig: the last signature does not cover the whole file');
  return problems;
}

/**
 * Every problem the independent tools find with a signed PDF: pdfsig, `openssl cms -verify` of each
 * signature against the CA, and `qpdf --check`. An empty list means all three accept it.
 */
export async function independentProblems(bytes: Uint8Array, caPem: string): Promise<string[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'luodi-pdfcheck-'));
  try {
    const signatures = signaturesOf(bytes);
    await Promise.all([
      writeFile(path.join(folder, 'file.pdf'), bytes),
      writeFile(path.join(folder, 'ca.pem'), caPem),
      ...signatures.flatMap((signature, index) => [
        writeFile(path.join(folder, `sig${index}.der`), signature.cms),
        writeFile(path.join(folder, `signed${index}.bin`), signature.signed),
      ]),
    ]);
    const [pdfsig, qpdf, ...cms] = await Promise.all([
      run('pdfsig', ['-nocert', '-no-ocsp', 'file.pdf'], folder),
      run('qpdf', ['--check', 'file.pdf'], folder),
      ...signatures.map((_, index) =>
        run(
          'openssl',
          // biome-ignore format: one flag and its value per line would hide the command
          ['cms', '-verify', '-binary', '-inform', 'DER', '-in', `sig${index}.der`, '-content', `signed${index}.bin`, '-CAfile', 'ca.pem', '-purpose', 'any', '-out', path.join(folder, `out${index}`)],
          folder,
        ),
      ),
    ]);
    const problems = signatures.length === 0 ? ['the file has no signature'] : [];
    problems.push(...judgePdfsig(pdfsig as Run, signatures.length));
    if (qpdf?.code !== 0)
      problems.push(`qpdf --check exited with ${qpdf?.code}: ${qpdf?.output.trim().slice(0, 300)}`);
    cms.forEach((result, index) => {
      if (result.code !== 0 || !/Verification successful/.test(result.output))
        problems.push(`openssl cms -verify: signature ${index + 1}: ${result.output.trim().slice(0, 300)}`);
    });
    return problems;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

let warned = false;

/**
 * Throws unless pdfsig, openssl and qpdf all accept the signed PDF. Without the tools it fails in CI
 * (CI=true) and, elsewhere, warns once and checks nothing.
 */
export async function assertIndependentlyValid(
  bytes: Uint8Array,
  caPem: string,
  label = 'PDF',
): Promise<void> {
  const missing = await missingTools();
  if (missing.length > 0) {
    const message = `independent PDF checks need ${missing.join(', ')} (Debian poppler-utils, openssl, qpdf)`;
    if (process.env.CI === 'true') throw new Error(message);
    if (!warned) console.warn(`WARNING: ${message}; skipped on this machine`);
    warned = true;
    return;
  }
  const problems = await independentProblems(bytes, caPem);
  if (problems.length > 0)
    throw new Error(`${label} fails the independent checks:\n  ${problems.join('\n  ')}`);
}
