import { Input, Typography } from 'antd';
import { formatAmount, parseAmount } from '../../domain/amount.ts';
import { useLocale } from '../i18n/locale.tsx';

interface AmountInputProps {
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** What a typed amount means, in the current language, or why it is not an amount. */
export function describeAmount(
  text: string,
  locale: 'zh-CN' | 'en-US',
): { isValid: boolean; message: string } | null {
  if (!text.trim()) return null;
  const parsed = parseAmount(text);
  if (!parsed.ok) return { isValid: false, message: locale === 'zh-CN' ? parsed.error.zh : parsed.error.en };
  const unit =
    parsed.value.currency === 'USD'
      ? locale === 'zh-CN'
        ? '美元'
        : 'USD'
      : locale === 'zh-CN'
        ? '元'
        : 'yuan';
  const exact = parsed.value.value.toLocaleString(locale);
  return {
    isValid: true,
    message: `= ${formatAmount(parsed.value, locale)}（${exact} ${unit}）`
      .replace('（', locale === 'zh-CN' ? '（' : ' (')
      .replace('）', locale === 'zh-CN' ? '）' : ')'),
  };
}

/**
 * A text box for money as people write it (3.24亿, 超3000万元, USD 30 million); below it, the figure the server
 * will store, so a slip of 万 for 亿 is seen before saving. The value stays the typed text.
 */
export function AmountInput({ value = '', onChange, placeholder, id, ...rest }: AmountInputProps) {
  const { locale } = useLocale();
  const described = describeAmount(value, locale);
  return (
    <div>
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        placeholder={
          placeholder ??
          (locale === 'zh-CN'
            ? '如 3.24亿、5000万元、超10亿'
            : 'e.g. 3.24亿, RMB 50 million, over 1 billion yuan')
        }
        status={described && !described.isValid ? 'warning' : undefined}
        data-testid={rest['data-testid']}
      />
      {described && (
        <Typography.Text
          type={described.isValid ? 'secondary' : 'warning'}
          style={{ fontSize: 12 }}
          data-testid="amount-normalized"
        >
          {described.message}
        </Typography.Text>
      )}
    </div>
  );
}
