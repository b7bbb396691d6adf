import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { OrganizationPage } from '../../../contracts/organizations.ts';
import { api, queryString } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';

type Page = import('zod').infer<typeof OrganizationPage>;

interface OrganizationPickerProps {
  value?: string;
  onChange?: (id: string) => void;
  /** Label of the current value before any search (edit forms). */
  initialLabel?: string;
  id?: string;
}

/** Searches organizations by name as the user types (two Chinese characters are enough). */
export function OrganizationPicker({ value, onChange, initialLabel, id }: OrganizationPickerProps) {
  const { t, pick } = useLocale();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['organizations', 'pick', search],
    queryFn: () => api<Page>(`/organizations${queryString({ q: search || undefined, limit: 20 })}`),
  });
  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: pick(o.nameZh, o.nameEn) }));
  if (value && initialLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      options={options}
      loading={found.isLoading}
      placeholder={t('project.investorSearch')}
      style={{ minWidth: 280 }}
    />
  );
}
