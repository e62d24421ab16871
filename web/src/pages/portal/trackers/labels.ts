/** How the trackers' pages name a stage and category, a basis and an organisation's kind, in the page's language. */
import { useCallback } from 'react';
import {
  FLOW_BASES,
  FLOW_CATEGORIES,
  FLOW_STAGES,
  type FlowBasis,
  type FlowCategory,
  type FlowStage,
} from '../../../api/flows.ts';
import type { OrganisationKind } from '../../../api/types.ts';
import { useT } from '../../../i18n/useT.ts';

const KINDS: readonly OrganisationKind[] = [
  'state',
  'eu-body',
  'coordinating-command',
  'supplier',
  'coalition',
  'international-organisation',
  'ngo',
  'other',
];

const isStage = (value: string): value is FlowStage => FLOW_STAGES.some((stage) => stage === value);
const isCategory = (value: string): value is FlowCategory => FLOW_CATEGORIES.some((category) => category === value);
export const isBasis = (value: string): value is FlowBasis => FLOW_BASES.some((basis) => basis === value);
const isKind = (value: string): value is OrganisationKind => KINDS.some((kind) => kind === value);

export interface FlowLabels {
  /** "Allocated · military" */
  key(sum: { readonly stage: string; readonly category: string }): string;
  /** "estimate", as the other pages name a basis */
  basis(basis: string): string;
  kind(kind: string | null): string;
}

export function useFlowLabels(): FlowLabels {
  const t = useT();
  const key = useCallback(
    (sum: { readonly stage: string; readonly category: string }) =>
      t('trackers.key', {
        stage: isStage(sum.stage) ? t(`trackers.stage.${sum.stage}`) : sum.stage,
        category: isCategory(sum.category) ? t(`trackers.category.${sum.category}`) : sum.category,
      }),
    [t],
  );
  const basis = useCallback((value: string) => (isBasis(value) ? t(`common.basis.${value}`) : value), [t]);
  const kind = useCallback((value: string | null) => (value && isKind(value) ? t(`common.kind.${value}`) : '—'), [t]);
  return { key, basis, kind };
}
