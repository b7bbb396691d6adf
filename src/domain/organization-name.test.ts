import { describe, expect, it } from 'vitest';
import { nameSimilarity, organizationNameKey } from './organization-name.ts';

describe('organizationNameKey', () => {
  it.each([
    ['宽腾（北京）医疗器械有限公司', '宽腾北京医疗器械'],
    ['宽腾(北京)医疗器械有限责任公司', '宽腾北京医疗器械'],
    ['福建汉特云智能科技 有限公司', '福建汉特云智能科技'],
    ['Baidu, Inc.', 'baidu'],
    ['ＳｅｎｓｅＴｉｍｅ Ltd', 'sensetime'],
    ['公司', '公司'],
  ])('%s -> %s', (name, key) => {
    expect(organizationNameKey(name)).toBe(key);
  });
});

describe('nameSimilarity', () => {
  it('treats legal-form and bracket variants as the same name', () => {
    expect(nameSimilarity('宽腾（北京）医疗器械有限公司', '宽腾(北京)医疗器械有限责任公司')).toBe(1);
  });
  it('scores a one-character typo high and a different firm low', () => {
    expect(nameSimilarity('福建汉特云智能科技有限公司', '福建汉特云智能技术有限公司')).toBeGreaterThan(0.6);
    expect(nameSimilarity('福建汉特云智能科技有限公司', '厦门光莆电子股份有限公司')).toBeLessThan(0.2);
  });
});
