import { describe, expect, it } from 'vitest';
import { queryTokens, searchTokens, toTsquery, toTsvectorText } from './search-tokens.ts';

describe('searchTokens', () => {
  it.each([
    ['鲤城区', ['鲤城', '城区', '鲤', '城', '区']],
    ['LED显示屏', ['led', '显示', '示屏', '显', '示', '屏']],
    ['市', ['市']],
    ['泉州 市', ['泉州', '泉', '州', '市']],
    ['', []],
    ['，。！', []],
    ['Hello, World hello', ['hello', 'world']],
    ['５Ｇ基站', ['5g', '基站', '基', '站']],
    ['3.24亿元', ['3', '24', '亿元', '亿', '元']],
    ['城区城区', ['城区', '区城', '城', '区']],
    ['𠀀𠀁', ['𠀀𠀁', '𠀀', '𠀁']],
  ])('%j', (text, tokens) => {
    expect(searchTokens(text)).toEqual(tokens);
  });

  it('covers the words of a project name', () => {
    const tokens = searchTokens('百宏化工新材料项目');
    expect(tokens).toEqual(expect.arrayContaining(['化工', '新材', '材料', '项目']));
  });
});

describe('queryTokens', () => {
  it.each([
    ['鲤城', ['鲤城']],
    ['鲤', ['鲤']],
    ['  鲤 ', ['鲤']],
    ['鲤 城区', ['鲤', '城区']],
    ['LED', ['led']],
    ['低温银浆', ['低温', '温银', '银浆']],
    ['"; DROP', ['drop']],
  ])('%j', (query, tokens) => {
    expect(queryTokens(query)).toEqual(tokens);
  });

  it.each([
    ['鲤城', '泉州市鲤城区低温银浆项目'],
    ['低温银浆', '泉州市鲤城区低温银浆项目'],
    ['led 显示屏', '年产LED显示屏100万片项目'],
    ['数字经济', '福建省数字经济重点项目'],
  ])('every token of %j is an index token of %j', (query, text) => {
    const index = new Set(searchTokens(text));
    const tokens = queryTokens(query);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(index.has(token), token).toBe(true);
  });
});

describe('PostgreSQL text', () => {
  it.each([
    [['鲤城', '城区'], '鲤城 城区'],
    [["it's", 'a-b', 'x:y', '&|!()'], 'its ab xy'],
    [['LED', 'led'], 'led'],
    [[], ''],
  ])('toTsvectorText(%j) = %j', (tokens, text) => {
    expect(toTsvectorText(tokens)).toBe(text);
  });

  it.each([
    [['鲤城', '城区'], "'鲤城' & '城区'"],
    [["o'neil", '\\x', ':*'], "'oneil' & 'x'"],
    [['"', "'", ''], ''],
    [['a b'], "'ab'"],
  ])('toTsquery(%j) = %j', (tokens, query) => {
    expect(toTsquery(tokens)).toBe(query);
  });
});
