/**
 * Names for the ids the API returns: organisations and categories in the reader's language. Both lists are small
 * and change rarely, so they are read once per page load (and again when the ledger moves).
 */
import { useCallback } from 'react';
import { useFormat } from '../i18n/format.ts';
import { useApi } from './hooks.ts';
import type { Category, Organisation } from './types.ts';

/** `nameOf('se')` → "Швеція" / "Sweden" / "Швеция"; the id itself until the list has loaded or when it is unknown. */
export function useOrganisationNames(): (id: string) => string {
  const format = useFormat();
  const { data } = useApi<Organisation[]>('/organisations');
  return useCallback(
    (id: string) => {
      const organisation = data?.find((candidate) => candidate.id === id);
      return organisation ? format.name(organisation.names) : id;
    },
    [data, format],
  );
}

export function useOrganisations(): readonly Organisation[] {
  return useApi<Organisation[]>('/organisations').data ?? [];
}

/** `categoryName('air-defence')` → "Протиповітряна оборона" / "Air defence" / …. */
export function useCategoryNames(): (id: string) => string {
  const format = useFormat();
  const { data } = useApi<Category[]>('/categories');
  return useCallback(
    (id: string) => {
      const category = data?.find((candidate) => candidate.id === id);
      return category ? format.name(category.label) : id;
    },
    [data, format],
  );
}
