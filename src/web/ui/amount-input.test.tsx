// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/locale.tsx';
import { AmountInput, describeAmount } from './amount-input.tsx';

afterEach(cleanup);

function Controlled({ locale }: { locale: 'zh-CN' | 'en-US' }) {
  const [value, setValue] = useState('');
  return (
    <LocaleProvider initial={locale}>
      <AmountInput value={value} onChange={setValue} data-testid="amount" />
      <output data-testid="value">{value}</output>
    </LocaleProvider>
  );
}

describe('describeAmount', () => {
  it.each([
    ['3.24亿', 'zh-CN', '= 3.24亿元（324,000,000 元）'],
    ['超3000万元', 'zh-CN', '= 超3000万元（30,000,000 元）'],
    ['3.24亿', 'en-US', '= RMB 324 million (324,000,000 yuan)'],
    ['USD 30 million', 'en-US', '= USD 30 million (30,000,000 USD)'],
    // Chinese numerals and qualifiers as reports write them
    ['超千亿元', 'zh-CN', '= 超1000.00亿元（100,000,000,000 元）'],
    ['逾千亿元', 'en-US', '= over RMB 100.00 billion (100,000,000,000 yuan)'],
    ['近百亿元', 'zh-CN', '= 约100.00亿元（10,000,000,000 元）'],
    ['两千万元', 'zh-CN', '= 2000万元（20,000,000 元）'],
    ['1.2万亿元', 'zh-CN', '= 12000.00亿元（1,200,000,000,000 元）'],
    ['1000余万元', 'zh-CN', '= 超1000万元（10,000,000 元）'],
    ['约10亿元左右', 'zh-CN', '= 约10.00亿元（1,000,000,000 元）'],
    ['5000万美元', 'zh-CN', '= 5000万美元（50,000,000 美元）'],
    ['exceeding 1.6 trillion yuan', 'en-US', '= over RMB 1,600.00 billion (1,600,000,000,000 yuan)'],
    ['nearly 5 billion yuan', 'en-US', '= about RMB 5.00 billion (5,000,000,000 yuan)'],
  ] as const)('%s in %s reads %s', (text, locale, expected) => {
    expect(describeAmount(text, locale)).toEqual({ isValid: true, message: expected });
  });

  it('explains what is wrong with a malformed amount, in the current language', () => {
    expect(describeAmount('三五亿', 'zh-CN')?.isValid).toBe(false);
    expect(describeAmount('3.24亿亿', 'en-US')).toMatchObject({ isValid: false });
    expect(describeAmount('  ', 'zh-CN')).toBeNull();
  });
});

describe('AmountInput', () => {
  it('keeps the typed text as the value and shows the normalized figure beneath', () => {
    render(<Controlled locale="zh-CN" />);
    fireEvent.change(screen.getByTestId('amount'), { target: { value: '3．24亿元' } });
    expect(screen.getByTestId('value').textContent).toBe('3．24亿元');
    expect(screen.getByTestId('amount-normalized').textContent).toBe('= 3.24亿元（324,000,000 元）');
  });

  it('shows the value of a Chinese numeral with its qualifier as it is typed', () => {
    render(<Controlled locale="zh-CN" />);
    fireEvent.change(screen.getByTestId('amount'), { target: { value: '超千亿元' } });
    expect(screen.getByTestId('amount-normalized').textContent).toBe('= 超1000.00亿元（100,000,000,000 元）');
    fireEvent.change(screen.getByTestId('amount'), { target: { value: '数十亿元' } });
    expect(screen.getByTestId('amount-normalized').textContent).toContain('“数”是约数');
  });

  it('shows the parse error instead when the text is not an amount', () => {
    render(<Controlled locale="en-US" />);
    fireEvent.change(screen.getByTestId('amount'), { target: { value: 'lots of money' } });
    const note = screen.getByTestId('amount-normalized').textContent ?? '';
    expect(note).not.toMatch(/^=/);
    expect(note.length).toBeGreaterThan(5);
  });
});
