import { readFile } from 'node:fs/promises';
import { formatVerification, parseCertificate, verifyPdf } from '../server/signing/index.ts';

export interface VerifyCommandOptions {
  ca: string;
  lang: 'zh-CN' | 'en-US';
  sealer?: string;
}

/**
 * `luodi verify <file.pdf> --ca ca.pem`: checks every signature offline against the deployment CA, whether
 * the file changed after each one, and the attached audit chain. Prints the verdicts; exit code 0 = valid.
 */
export async function verifyCommand(file: string, options: VerifyCommandOptions): Promise<number> {
  const [pdf, caPem] = await Promise.all([readFile(file), readFile(options.ca, 'utf8')]);
  const trustedCa = parseCertificate(caPem);
  const result = await verifyPdf(new Uint8Array(pdf), { trustedCa, sealerName: options.sealer });
  console.log(formatVerification(result, options.lang));
  return result.isValid ? 0 : 2;
}
