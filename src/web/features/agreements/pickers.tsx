import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { EventPage } from '../../../contracts/events.ts';
import type { ProjectPage } from '../../../contracts/projects.ts';
import { api, queryString } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';

interface Labelled {
  value: string;
  label: string;
}

/** Options found by the search, with the chosen values' known labels kept in front. */
function withKnown(found: Labelled[], known: readonly Labelled[], chosen: readonly string[]): Labelled[] {
  const missing = known.filter((k) => chosen.includes(k.value) && !found.some((f) => f.value === k.value));
  return [...missing, ...found];
}

interface EventSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The current event's label before any search (edit form, ?eventId=). */
  known?: readonly Labelled[];
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** Picks the event an agreement is signed at, searching event names. */
export function EventSelect({
  value,
  onChange,
  known = [],
  id,
  placeholder,
  style,
  'data-testid': testId = 'agreement-event',
}: EventSelectProps) {
  const { pick } = useLocale();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['events', 'pick', search],
    queryFn: ({ signal }) =>
      api<z.infer<typeof EventPage>>(`/events${queryString({ q: search.trim() || undefined, limit: 20 })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const options = withKnown(
    (found.data?.items ?? []).map((e) => ({ value: e.id, label: pick(e.nameZh, e.nameEn) })),
    known,
    value ? [value] : [],
  );
  return (
    <Select
      id={id}
      data-testid={testId}
      style={style}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder}
    />
  );
}

interface ProjectSelectProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
  known?: readonly Labelled[];
  id?: string;
  placeholder?: string;
}

/** Picks the projects an agreement signs, searching GET /projects?q= (code or name). */
export function ProjectSelect({ value = [], onChange, known = [], id, placeholder }: ProjectSelectProps) {
  const { pick } = useLocale();
  const [search, setSearch] = useState('');
  // Labels of projects chosen in this session, so a chip keeps its name after the search text changes.
  const [picked, setPicked] = useState<Labelled[]>([]);
  const found = useQuery({
    queryKey: ['projects', 'pick', search],
    queryFn: ({ signal }) =>
      api<z.infer<typeof ProjectPage>>(
        `/projects${queryString({ q: search.trim() || undefined, limit: 20 })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
  const foundOptions = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.code} ${pick(p.nameZh, p.nameEn)}`,
  }));
  const options = withKnown(foundOptions, [...known, ...picked], value);
  return (
    <Select
      id={id}
      data-testid="agreement-projects"
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(ids: string[]) => {
        setPicked((current) => [
          ...current,
          ...foundOptions.filter((o) => ids.includes(o.value) && !current.some((c) => c.value === o.value)),
        ]);
        onChange?.(ids);
      }}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder}
    />
  );
}
