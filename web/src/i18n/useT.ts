import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageKey } from './messages.ts';

type Values = Record<string, string | number | Date | null | undefined>;

/** `t('overview.title', { count })`: a catalog message for the current locale, keys checked by the compiler. */
export function useT(): (key: MessageKey, values?: Values) => string {
  const intl = useIntl();
  return useCallback((key: MessageKey, values?: Values) => intl.formatMessage({ id: key }, values), [intl]);
}
