import { describe, expect, it } from 'vitest';
import { type Amount, parseAmount } from './amount.ts';

// Chinese numerals, mixed forms and qualifiers in every position that reports use.

type Case = [input: string, value: number, qualifier: Amount['qualifier'], currency?: Amount['currency']];

const CHINESE_NUMERALS: Case[] = [
  ['超千亿元', 100_000_000_000, 'at_least'],
  ['逾千亿元', 100_000_000_000, 'at_least'],
  ['近百亿元', 10_000_000_000, 'about'],
  ['两千万元', 20_000_000, 'exact'],
  ['三千万元', 30_000_000, 'exact'],
  ['3千万', 30_000_000, 'exact'],
  ['十二亿', 1_200_000_000, 'exact'],
  ['一十二亿', 1_200_000_000, 'exact'],
  ['一百二十亿元', 12_000_000_000, 'exact'],
  ['三千五百万元', 35_000_000, 'exact'],
  ['一千零五十万元', 10_500_000, 'exact'],
  ['一亿二千万元', 120_000_000, 'exact'],
  ['1亿2000万元', 120_000_000, 'exact'],
  ['1亿2千万元', 120_000_000, 'exact'],
  ['3千500万元', 35_000_000, 'exact'],
  ['一万二千亿元', 1_200_000_000_000, 'exact'],
  ['1万2000亿元', 1_200_000_000_000, 'exact'],
  ['1万亿2000亿元', 1_200_000_000_000, 'exact'],
  ['一千万亿元', 1_000_000_000_000_000, 'exact'],
  ['1.2万亿元', 1_200_000_000_000, 'exact'],
  ['1.5千万元', 15_000_000, 'exact'],
  ['一亿零五', 100_000_005, 'exact'],
  ['十', 10, 'exact'],
  ['零', 0, 'exact'],
  ['零元', 0, 'exact'],
  ['一百零八元', 108, 'exact'],
  ['壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元', 12_345_678, 'exact'],
  ['贰拾億元', 2_000_000_000, 'exact'],
  ['兩千萬元', 20_000_000, 'exact'],
  ['5000万美元', 50_000_000, 'exact', 'USD'],
  ['五千万美元', 50_000_000, 'exact', 'USD'],
  ['３千万元', 30_000_000, 'exact'],
  ['三点二四亿元', 324_000_000, 'exact'],
  ['零点五亿', 50_000_000, 'exact'],
  ['十二点五亿元', 1_250_000_000, 'exact'],
  ['约一点二万亿元', 1_200_000_000_000, 'about'],
];

const QUALIFIERS: Case[] = [
  // before the figure
  ['超5亿元', 500_000_000, 'at_least'],
  ['超过5亿元', 500_000_000, 'at_least'],
  ['逾5亿元', 500_000_000, 'at_least'],
  ['过千亿元', 100_000_000_000, 'at_least'],
  ['突破百亿元', 10_000_000_000, 'at_least'],
  ['上百亿元', 10_000_000_000, 'at_least'],
  ['近5亿元', 500_000_000, 'about'],
  ['将近5亿元', 500_000_000, 'about'],
  ['接近5亿元', 500_000_000, 'about'],
  ['约5亿元', 500_000_000, 'about'],
  ['大约5亿元', 500_000_000, 'about'],
  ['不足5亿元', 500_000_000, 'at_most'],
  // after the figure, or inside it
  ['1000余万元', 10_000_000, 'at_least'],
  ['300多亿元', 30_000_000_000, 'at_least'],
  ['三百多亿元', 30_000_000_000, 'at_least'],
  ['千余万元', 10_000_000, 'at_least'],
  ['50亿元以上', 5_000_000_000, 'at_least'],
  ['5亿元有余', 500_000_000, 'at_least'],
  ['5亿元左右', 500_000_000, 'about'],
  ['5亿元上下', 500_000_000, 'about'],
  ['约10亿元左右', 1_000_000_000, 'about'],
  ['超50亿元以上', 5_000_000_000, 'at_least'],
  ['5亿元以内', 500_000_000, 'at_most'],
  // English
  ['over 5 billion yuan', 5_000_000_000, 'at_least'],
  ['more than RMB 5 billion', 5_000_000_000, 'at_least'],
  ['above 5 billion yuan', 5_000_000_000, 'at_least'],
  ['exceeding 1.6 trillion yuan', 1_600_000_000_000, 'at_least'],
  ['in excess of 5 billion yuan', 5_000_000_000, 'at_least'],
  ['at least 5 billion yuan', 5_000_000_000, 'at_least'],
  ['upwards of $5 million', 5_000_000, 'at_least', 'USD'],
  ['5 billion yuan plus', 5_000_000_000, 'at_least'],
  ['nearly 5 billion yuan', 5_000_000_000, 'about'],
  ['almost 5 billion yuan', 5_000_000_000, 'about'],
  ['close to 5 billion yuan', 5_000_000_000, 'about'],
  ['about 5 billion yuan', 5_000_000_000, 'about'],
  ['approximately 5 billion yuan', 5_000_000_000, 'about'],
  ['around 5 billion yuan', 5_000_000_000, 'about'],
  ['roughly 5 billion yuan', 5_000_000_000, 'about'],
  ['some 5 billion yuan', 5_000_000_000, 'about'],
  ['up to 5 billion yuan', 5_000_000_000, 'at_most'],
  ['no more than USD 5 million', 5_000_000, 'at_most', 'USD'],
  ['Over 30 million US dollars', 30_000_000, 'at_least', 'USD'],
];

describe('parseAmount reads Chinese numerals and mixed forms', () => {
  it.each(CHINESE_NUMERALS)('%j -> %d %s', (input, value, qualifier, currency = 'CNY') => {
    expect(parseAmount(input)).toEqual({ ok: true, value: { value, currency, qualifier } });
  });
});

describe('parseAmount keeps every qualifier, before, after or inside the figure', () => {
  it.each(QUALIFIERS)('%j -> %d %s', (input, value, qualifier, currency = 'CNY') => {
    expect(parseAmount(input)).toEqual({ ok: true, value: { value, currency, qualifier } });
  });
});

// What cannot be read says which part was not understood, in both languages.
const REFUSED: [input: string, code: string, zh: string, en: string][] = [
  ['数十亿元', 'amount.vague', '“数”是约数', '"数" is a rough count'],
  ['几千万元', 'amount.vague', '“几”是约数', '"几" is a rough count'],
  ['十几亿元', 'amount.vague', '“几”是约数', '"几" is a rough count'],
  ['若干亿元', 'amount.vague', '“若干”是约数', '"若干" is a rough count'],
  ['一两千万元', 'amount.vague', '“一两”是约数', '"一两" is a rough range'],
  ['三五亿元', 'amount.vague', '“三五”是约数', '"三五" is a rough range'],
  ['三千五万元', 'amount.syntax', '“千五”的位数不明确', 'places of "千五" are unclear'],
  ['一万五', 'amount.syntax', '“万五”的位数不明确', 'places of "万五" are unclear'],
  ['1亿5', 'amount.syntax', '“亿5”的位数不明确', 'places of "亿5" are unclear'],
  ['3千5万元', 'amount.syntax', '“千5”的位数不明确', 'places of "千5" are unclear'],
  ['百千万元', 'amount.syntax', '“千”不能写在“百”之后', '"千" cannot follow "百"'],
  ['5亿3亿元', 'amount.syntax', '数量单位的组合不对', 'do not combine: "亿亿"'],
  ['3千 million yuan', 'amount.syntax', '数量单位的组合不对', 'do not combine: "3千 million"'],
  ['10到20亿元', 'amount.range', '是一个范围（“到”）', 'is a range ("到")'],
  ['10 to 20 billion yuan', 'amount.range', '是一个范围（“to”）', 'is a range ("to")'],
  ['5000万港元', 'amount.currency', '币种“港元”不受支持', 'only yuan and US dollars'],
  ['超五千万元约', 'amount.syntax', '“约”应写在数字之前', '"约" belongs before the number'],
  ['以上5亿元', 'amount.syntax', '“以上”应写在数字之后', '"以上" belongs after the number'],
  ['5亿元多万', 'amount.syntax', '“万”应在“元”之前', '"万" must come before "元"'],
  ['3点5亿元', 'amount.syntax', '“点”须写在两个中文数字之间', '"点" must stand between two Chinese digits'],
  ['一百点五', 'amount.syntax', '“点”须写在两个中文数字之间', '"点" must stand between two Chinese digits'],
  ['大量资金', 'amount.syntax', '不认识“大量资金”', '"大量资金" is not a known'],
  ['五亿元整数', 'amount.syntax', '不认识“整”', '"整" is not a known'],
];

describe('parseAmount refuses what has no single exact value, and says which part', () => {
  it.each(REFUSED)('%j -> %s', (input, code, zh, en) => {
    const result = parseAmount(input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (result.ok) return;
    expect(result.error.zh).toContain(zh);
    expect(result.error.en).toContain(en);
    expect(result.error.zh).toContain(input);
    expect(result.error.en).toContain(input);
  });
});
