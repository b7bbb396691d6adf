// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale.tsx';
import {
  pathFromHome,
  RegionCascader,
  type RegionLoader,
  type RegionNode,
  regionAncestry,
} from './region-cascader.tsx';

afterEach(cleanup);

const node = (
  code: string,
  parentCode: string | null,
  level: RegionNode['level'],
  nameZh: string,
  hasChildren = true,
): RegionNode => ({ code, parentCode, level, nameZh, nameEn: null, hasChildren });

// A tiny region tree: Fuzhou city with two districts and a park under one of them.
const TREE: Record<string, RegionNode[]> = {
  root: [node('350100', '350000', 'city', '福州市')],
  '350100': [
    node('350102', '350100', 'county', '鼓楼区', false),
    node('350121', '350100', 'county', '闽侯县'),
  ],
  '350121': [node('350121001', '350121', 'park', '福州高新区', false)],
};

function fakeLoader(): RegionLoader & { calls: (string | undefined)[] } {
  const calls: (string | undefined)[] = [];
  const loader = Object.assign(
    async (parent: string | undefined) => {
      calls.push(parent);
      return TREE[parent ?? 'root'] ?? [];
    },
    { calls },
  );
  return loader;
}

describe('region paths', () => {
  it.each([
    ['350102', ['000000', '350000', '350100', '350102']],
    ['350121001', ['000000', '350000', '350100', '350121', '350121001']],
    ['350000', ['000000', '350000']],
    ['110101', ['000000', '110000', '110100', '110101']],
  ])('%s has ancestry %j', (code, chain) => {
    expect(regionAncestry(code)).toEqual(chain);
  });

  it('starts the path at the user’s home region and gives nothing outside it', () => {
    expect(pathFromHome('350100', '350121001')).toEqual(['350100', '350121', '350121001']);
    expect(pathFromHome('350500', '350102')).toEqual([]);
  });
});

describe('RegionCascader', () => {
  it('offers only the home region at the top and loads the levels leading to the value', async () => {
    const loader = fakeLoader();
    render(
      <LocaleProvider initial="zh-CN">
        <RegionCascader homeCode="350100" value="350121001" loader={loader} />
      </LocaleProvider>,
    );
    await waitFor(() => expect(loader.calls).toEqual([undefined, '350100', '350121']));
    await waitFor(() => expect(document.body.textContent).toContain('福州市 / 闽侯县 / 福州高新区'));
  });

  it('reports the code of the region picked', async () => {
    const loader = fakeLoader();
    const onChange = vi.fn();
    render(
      <LocaleProvider initial="zh-CN">
        <RegionCascader homeCode="350100" loader={loader} onChange={onChange} />
      </LocaleProvider>,
    );
    await waitFor(() => expect(loader.calls).toEqual([undefined]));
    fireEvent.mouseDown(document.querySelector('.ant-select') as Element);
    fireEvent.click(await screen.findByText('福州市'));
    fireEvent.click(await screen.findByText('鼓楼区'));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('350102'));
  });
});
