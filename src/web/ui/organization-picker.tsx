import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { OrganizationPage } from '../../contracts/organizations.ts';
import { api, queryString } from '../app/api.ts';
import { useLocale } from '../i18n/locale.tsx';

type Page = z.infer<typeof OrganizationPage>;

interface OrganizationPickerProps {
  value?: string;
  onChange?: (id: string) => void;
  /** Label of the current value before any search (edit forms). */
  initialLabel?: string;
  id?: string;
  'data-testid'?: string;
}

/** Searches organizations by name as the user types (two Chinese characters are enough). */
export function OrganizationPicker({
  value,
  onChange,
  initialLabel,
  id,
  'data-testid': testId,
}: OrganizationPickerProps) {
  const { t, pick } = useLocale();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['organizations', 'pick', search],
    queryFn: ({ signal }) =>
      api<Page>(`/organizations${queryString({ q: search.trim() || undefined, limit: 20 })}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: pick(o.nameZh, o.nameEn) }));
  if (value && initialLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      options={options}
      loading={found.isFetching}
      placeholder={t('common.organizationSearch')}
      style={{ width: '100%', minWidth: 260 }}
    />
  );
}
