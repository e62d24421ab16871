/**
 * Catalog keys for the values the API sends as plain strings: a known value gets its key, an unknown one none (the
 * page then shows the value itself rather than a missing key).
 */
import { useMemo } from 'react';
import { type ContributionStatus, PACKAGE_STATUSES, type PackageStatus, STAGES } from '../../../api/types.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';

const BASES = ['official', 'reported', 'estimate'] as const;
const LANGUAGES = ['uk', 'en', 'ru'] as const;
const CONTRIBUTION_STATUSES: readonly ContributionStatus[] = ['pledged', 'committed', 'withdrawn'];

const member = <T extends string>(values: readonly T[], value: string): T | undefined =>
  values.find((known) => known === value);

function statusKey(status: string): MessageKey | null {
  const known: PackageStatus | undefined = member(PACKAGE_STATUSES, status);
  return known ? `common.status.${known}` : null;
}

function stageKey(stage: string): MessageKey | null {
  const known = member(STAGES, stage);
  return known ? `common.stage.${known}` : null;
}

function basisKey(basis: string): MessageKey | null {
  const known = member(BASES, basis);
  return known ? `common.basis.${known}` : null;
}

function languageKey(language: string): MessageKey | null {
  const known = member(LANGUAGES, language);
  return known ? `common.languageName.${known}` : null;
}

function contributionStatusKey(status: string): MessageKey | null {
  const known = member(CONTRIBUTION_STATUSES, status);
  return known ? `common.contribution.${known}` : null;
}

export interface Labels {
  readonly status: (status: string) => string;
  readonly stage: (stage: string) => string;
  readonly basis: (basis: string) => string;
  readonly language: (language: string) => string;
  readonly contribution: (status: string) => string;
}

/** The words for statuses, stages, bases, languages and contribution statuses in the reader's language. */
export function useLabels(): Labels {
  const t = useT();
  return useMemo(() => {
    const label = (key: (value: string) => MessageKey | null) => (value: string) => {
      const found = key(value);
      return found ? t(found) : value;
    };
    return {
      status: label(statusKey),
      stage: label(stageKey),
      basis: label(basisKey),
      language: label(languageKey),
      contribution: label(contributionStatusKey),
    };
  }, [t]);
}
