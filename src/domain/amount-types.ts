export type Currency = 'CNY' | 'USD';

export type Qualifier = 'exact' | 'at_least' | 'about' | 'at_most';

export interface Amount {
  /** Safe integer of whole yuan, or of whole US dollars when currency is USD. */
  value: number;
  currency: Currency;
  qualifier: Qualifier;
}
