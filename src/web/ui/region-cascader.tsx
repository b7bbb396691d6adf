import { Cascader } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../app/api.ts';
import { useLocale } from '../i18n/locale.tsx';

export interface RegionNode {
  code: string;
  parentCode: string | null;
  level: 'country' | 'province' | 'city' | 'county' | 'park';
  nameZh: string;
  nameEn: string | null;
  hasChildren: boolean;
}

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

/** Loads one level of regions; injectable so the component can be tested without a server. */
export type RegionLoader = (parent: string | undefined) => Promise<RegionNode[]>;

export const loadRegionsFromApi: RegionLoader = async (parent) =>
  (await api<{ items: RegionNode[] }>(`/reference/regions${parent ? `?parent=${parent}` : ''}`)).items;

/** The codes from the root of the GB/T 2260 tree down to a region: 350121001 → 350000, 350100, 350121, 350121001. */
export function regionAncestry(code: string): string[] {
  if (code === '000000') return ['000000'];
  const chain = [
    `${code.slice(0, 2)}0000`,
    `${code.slice(0, 4)}00`,
    code.slice(0, 6),
    code.length > 6 ? code : '',
  ];
  return ['000000', ...chain.filter((c, i) => c && chain.indexOf(c) === i)];
}

/** The path the cascader shows: from the user's home region down to the code. */
export function pathFromHome(homeCode: string, code: string): string[] {
  const chain = regionAncestry(code);
  const start = chain.indexOf(homeCode);
  return start >= 0 ? chain.slice(start) : [];
}

interface RegionCascaderProps {
  /** The user's home region: the top of what can be chosen. */
  homeCode: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Counties and parks only (where projects land), or any level (filters). */
  isLeafOnly?: boolean;
  loader?: RegionLoader;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

function toOption(node: RegionNode, pick: (zh: string, en: string | null) => string): Option {
  return { value: node.code, label: pick(node.nameZh, node.nameEn), isLeaf: !node.hasChildren };
}

function withChildren(options: Option[], parent: string, children: Option[]): Option[] {
  return options.map((option) =>
    option.value === parent
      ? { ...option, children }
      : option.children
        ? { ...option, children: withChildren(option.children, parent, children) }
        : option,
  );
}

/** Region picker limited to the user's scope; levels load as they are opened. */
export function RegionCascader({
  homeCode,
  value,
  onChange,
  isLeafOnly = false,
  loader = loadRegionsFromApi,
  placeholder,
  id,
  style,
}: RegionCascaderProps) {
  const { pick } = useLocale();
  const [options, setOptions] = useState<Option[]>([]);
  // Parents whose children are in the tree already, so no level is fetched twice.
  const loaded = useRef(new Set<string>());

  const loadChildren = useCallback(
    async (parent: string) => {
      loaded.current.add(parent);
      const children = (await loader(parent)).map((node) => toOption(node, pick));
      setOptions((current) => withChildren(current, parent, children));
    },
    [loader, pick],
  );

  useEffect(() => {
    let isCancelled = false;
    loaded.current = new Set();
    void loader(undefined).then((nodes) => {
      if (!isCancelled) setOptions(nodes.map((node) => toOption(node, pick)));
    });
    return () => {
      isCancelled = true;
    };
  }, [loader, pick]);

  // The levels on the way to the current value, so the cascader can show it (on first load and after a reset).
  const hasTop = options.length > 0;
  useEffect(() => {
    if (!value || !hasTop) return;
    const missing = pathFromHome(homeCode, value)
      .slice(0, -1)
      .filter((code) => !loaded.current.has(code));
    void (async () => {
      for (const code of missing) await loadChildren(code);
    })();
  }, [value, homeCode, hasTop, loadChildren]);

  async function loadData(selected: Option[]) {
    const target = selected.at(-1);
    if (target && !loaded.current.has(target.value)) await loadChildren(target.value);
  }

  return (
    <Cascader<Option>
      id={id}
      style={style}
      options={options}
      loadData={loadData}
      value={value ? pathFromHome(homeCode, value) : undefined}
      changeOnSelect={!isLeafOnly}
      onChange={(path) => onChange?.(path ? (path.at(-1) as string | undefined) : undefined)}
      placeholder={placeholder}
      allowClear
      showSearch={false}
    />
  );
}
