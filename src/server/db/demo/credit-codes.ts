// Made-up but valid unified social credit codes (GB 32100-2015) for demo organizations.
import { orgCodeCheckChar, usciCheckChar } from '../../../domain/usci.ts';
import type { Random } from './random.ts';

/** Positions 1–2: registration authority and kind of body. */
export type Registrar =
  /** 机构编制 · 机关 (government bodies) */
  | '11'
  /** 机构编制 · 事业单位 (institutes, universities) */
  | '12'
  /** 民政 · 社会团体 (associations, chambers of commerce) */
  | '51'
  /** 市场监管 · 企业 */
  | '91';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';

function draw(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(random.int(0, alphabet.length - 1));
  return out;
}

/**
 * A code not yet in `taken` (which it joins): registrar + 6-digit region + 8-character organization code
 * body + its GB 11714 check character + the GB 32100 check character.
 */
export function makeUsci(
  random: Random,
  registrar: Registrar,
  regionCode: string,
  taken: Set<string>,
): string {
  const region = `${regionCode.slice(0, 6)}000000`.slice(0, 6);
  for (;;) {
    // Enterprises registered since 2015 carry 'MA' bodies; older bodies and public bodies are numeric.
    const body =
      registrar === '91'
        ? `MA${draw(random, CHARSET, 6)}`
        : `${registrar === '51' ? '50' : '00'}${draw(random, DIGITS, 6)}`;
    const orgCheck = orgCodeCheckChar(body);
    if (orgCheck === null) throw new Error(`demo: bad organization code body ${body}`);
    const first17 = `${registrar}${region}${body}${orgCheck}`;
    const check = usciCheckChar(first17);
    if (check === null) throw new Error(`demo: bad credit code ${first17}`);
    const code = `${first17}${check}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}
