import { useSearchParams } from 'react-router';
import { queryString } from '../../app/api.ts';

// Filters, sort and page of the project list live in the URL, so reload, back and a shared link keep them.
export const FILTER_KEYS = [
  'q',
  'region',
  'industry',
  'category',
  'stage',
  'band',
  'minInvestment',
  'maxInvestment',
  'dateField',
  'from',
  'to',
  'isKey',
  'isMajor',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface ListState {
  filters: Filters;
  sort: string;
  order: 'asc' | 'desc';
  /** Cursors of the pages before the current one: page n is reached by the (n-1)th cursor. */
  cursors: string[];
}

export function useProjectListState() {
  const [params, setParams] = useSearchParams();
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const state: ListState = {
    filters,
    sort: params.get('sort') ?? 'updatedAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    cursors: (params.get('pages') ?? '').split('~').filter(Boolean),
  };

  function write(next: ListState) {
    const values: Record<string, string> = { ...next.filters } as Record<string, string>;
    if (next.sort !== 'updatedAt') values.sort = next.sort;
    if (next.order !== 'desc') values.order = next.order;
    if (next.cursors.length) values.pages = next.cursors.join('~');
    setParams(values);
  }

  return {
    state,
    /** Changing a filter or the sort starts again from the first page. */
    setFilters: (filters: Filters) => write({ ...state, filters, cursors: [] }),
    setSort: (sort: string, order: 'asc' | 'desc') => write({ ...state, sort, order, cursors: [] }),
    nextPage: (cursor: string) => write({ ...state, cursors: [...state.cursors, cursor] }),
    previousPage: () => write({ ...state, cursors: state.cursors.slice(0, -1) }),
  };
}

/** The query string of the API's filters (shared by list, count and export). */
export function filterQuery(filters: Filters): string {
  return queryString(filters);
}
