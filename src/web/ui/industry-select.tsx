import { TreeSelect } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, queryString } from '../app/api.ts';
import { useLocale } from '../i18n/locale.tsx';

interface IndustryNode {
  code: string;
  parentCode: string | null;
  level: number;
  nameZh: string;
  nameEn: string | null;
}

interface TreeNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

const loadIndustries = async (parent?: string, level?: number) =>
  (await api<{ items: IndustryNode[] }>(`/reference/industries${queryString({ parent, level })}`)).items;

/** The chain of GB/T 4754 codes above a class: 6513 → I, 65, 651 (the section comes from the division's parent). */
function ancestorsToLoad(code: string): string[] {
  if (/^[A-T]$/.test(code)) return [];
  const digits = code.replace(/\D/g, '');
  return [digits.slice(0, 2), digits.slice(0, 3)].filter((c) => c.length < digits.length);
}

interface IndustrySelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Filters may pick a whole section; a project needs at least a division. */
  canPickSection?: boolean;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

/** GB/T 4754-2017 industries as a tree that loads each level when opened. */
export function IndustrySelect({
  value,
  onChange,
  canPickSection = true,
  placeholder,
  id,
  style,
}: IndustrySelectProps) {
  const { pick } = useLocale();
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const loaded = useRef(new Set<string>());

  const toNode = useCallback(
    (row: IndustryNode): TreeNode => ({
      id: row.code,
      pId: row.parentCode,
      value: row.code,
      title: `${row.code} ${pick(row.nameZh, row.nameEn)}`,
      isLeaf: row.level === 4,
      selectable: canPickSection || row.level > 1,
    }),
    [pick, canPickSection],
  );

  const loadChildren = useCallback(
    async (parent: string) => {
      loaded.current.add(parent);
      const children = (await loadIndustries(parent)).map(toNode);
      setNodes((current) => [
        ...current,
        ...children.filter((child) => !current.some((n) => n.id === child.id)),
      ]);
    },
    [toNode],
  );

  useEffect(() => {
    let isCancelled = false;
    loaded.current = new Set();
    void loadIndustries().then((rows) => {
      if (!isCancelled) setNodes(rows.map(toNode));
    });
    return () => {
      isCancelled = true;
    };
  }, [toNode]);

  // Open the branch of the current value so its label shows; a division's section is its parent.
  const hasTop = nodes.length > 0;
  useEffect(() => {
    if (!value || !hasTop || /^[A-T]$/.test(value)) return;
    void (async () => {
      const division = value.replace(/\D/g, '').slice(0, 2);
      const divisions = await loadIndustries(undefined, 2);
      const section = divisions.find((d) => d.code === division)?.parentCode;
      for (const code of [section, ...ancestorsToLoad(value)]) {
        if (code && !loaded.current.has(code)) await loadChildren(code);
      }
    })();
  }, [value, hasTop, loadChildren]);

  // Typing searches the whole classification on the server (a code like 6513 or part of a name).
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<TreeNode[] | null>(null);
  useEffect(() => {
    const text = search.trim();
    if (!text) {
      setFound(null);
      return;
    }
    let isCancelled = false;
    const timer = setTimeout(async () => {
      const rows = await api<{ items: IndustryNode[] }>(`/reference/industries${queryString({ q: text })}`);
      if (!isCancelled) setFound(rows.items.map((row) => ({ ...toNode(row), pId: null, isLeaf: true })));
    }, 250);
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [search, toNode]);

  async function loadData(node: { value?: string | number }) {
    const code = String(node.value);
    if (!loaded.current.has(code)) await loadChildren(code);
  }

  return (
    <TreeSelect
      id={id}
      style={style}
      treeDataSimpleMode
      treeData={found ?? nodes}
      loadData={found ? undefined : loadData}
      value={value}
      onChange={(next) => {
        if (next && found)
          setNodes((current) =>
            current.some((n) => n.id === next)
              ? current
              : [...current, ...found.filter((n) => n.id === next)],
          );
        setSearch('');
        onChange?.(next ?? undefined);
      }}
      placeholder={placeholder}
      allowClear
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      popupMatchSelectWidth={420}
    />
  );
}
