import { readFile } from 'node:fs/promises';
import { SEALER_NAME } from '../server/platform/signing-keys.ts';
import { formatVerification, parseCertificate, verifyPdf } from '../server/signing/index.ts';

export interface VerifyCommandOptions {
  ca: string;
  lang: 'zh-CN' | 'en-US';
  /** The seal certificate's name; defaults to Luodi's, so no party certificate can pass its pages off as the seal's annex. */
  sealer?: string;
}

/**
 * `luodi verify <file.pdf> --ca ca.pem`: checks every signature offline against the deployment CA, whether
 * the file changed after each one, and the attached audit chain. Prints the verdicts; exit code 0 = valid.
 */
export async function verifyCommand(file: string, options: VerifyCommandOptions): Promise<number> {
  const [pdf, caPem] = await Promise.all([readFile(file), readFile(options.ca, 'utf8')]);
  const trustedCa = parseCertificate(caPem);
  const result = await verifyPdf(new Uint8Array(pdf), {
    trustedCa,
    sealerName: options.sealer ?? SEALER_NAME,
  });
  console.log(formatVerification(result, options.lang));
  return result.isValid ? 0 : 2;
}
