// Keys for spotting the same organization written two ways (全角/半角, brackets, legal-form suffixes).
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '公司',
  'co.,ltd.',
  'co.,ltd',
  'co.ltd',
  'limited',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
  'corporation',
  'corp.',
  'corp',
];

/** A comparison key: NFKC, lower case, no spaces or punctuation, no trailing legal form. */
export function organizationNameKey(name: string): string {
  let key = name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  for (const form of LEGAL_FORMS) {
    if (key.endsWith(form) && key.length > form.length + 1) {
      key = key.slice(0, -form.length);
      break;
    }
  }
  return key.replace(/[\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = [...text];
  if (chars.length < 2) return new Set(chars);
  const grams = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Dice similarity of two names' keys over character bigrams: 1 is the same name. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(organizationNameKey(a));
  const y = bigrams(organizationNameKey(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}
