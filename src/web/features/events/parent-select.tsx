import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useLocale } from '../../i18n/locale.tsx';
import { dateRange, EVENTS_KEY, eventKey, fetchEvent, fetchEvents } from './shared.tsx';

interface ParentSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The event being edited: it cannot be its own parent. */
  selfId?: string;
  id?: string;
}

/** Picks the larger event this one is part of, from the top-level events, searching by name. */
export default function ParentSelect({ value, onChange, selfId, id }: ParentSelectProps) {
  const { t, pick } = useLocale();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: [EVENTS_KEY, 'parents', search],
    queryFn: ({ signal }) =>
      fetchEvents({ isTopLevel: 'true', q: search.trim() || undefined, limit: 50 }, signal),
    placeholderData: keepPreviousData,
  });
  // The current parent's name, when it is not among the events found.
  const current = useQuery({
    queryKey: eventKey(value ?? ''),
    queryFn: ({ signal }) => fetchEvent(value ?? '', signal),
    enabled: Boolean(value) && !found.data?.items.some((e) => e.id === value),
  });
  const options = (found.data?.items ?? [])
    .filter((e) => e.id !== selfId)
    .map((e) => ({ value: e.id, label: `${pick(e.nameZh, e.nameEn)} · ${dateRange(e.startsOn, e.endsOn)}` }));
  if (value && current.data && !options.some((o) => o.value === value))
    options.unshift({ value, label: pick(current.data.nameZh, current.data.nameEn) });
  return (
    <Select<string>
      id={id}
      data-testid="event-parent"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={t('event.field.parentPlaceholder')}
    />
  );
}
