import type { AMOUNT_QUALIFIERS, CURRENCIES } from './codes.ts';

export type Currency = (typeof CURRENCIES)[number];

export type Qualifier = (typeof AMOUNT_QUALIFIERS)[number];

export interface Amount {
  /** Safe integer of whole yuan, or of whole US dollars when currency is USD. */
  value: number;
  currency: Currency;
  qualifier: Qualifier;
}
