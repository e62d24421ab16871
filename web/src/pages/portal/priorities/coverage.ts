/**
 * How far a requirement is met. Coverage counts quantities in package lines: covered (in packages not cancelled),
 * funded (in packages funded or further) and delivered (confirmed by the recipient). Against the quantity needed
 * when the recipient stated one; otherwise (contents are often vague) against what packages cover.
 */
import type { RequirementCoverage } from '../../../api/requirements.ts';

export type CoverageStep = 'covered' | 'funded' | 'delivered';

export interface CoverageBar {
  readonly step: CoverageStep;
  readonly value: number;
  /** What the value is a share of; 0 when there is nothing to measure against. */
  readonly max: number;
}

export interface Coverage {
  /** `need`: shares of the stated quantity; `covered`: shares of what packages cover. */
  readonly basis: 'need' | 'covered';
  readonly bars: readonly CoverageBar[];
}

export function coverageOf(requirement: RequirementCoverage): Coverage {
  const { quantity, covered, funded, delivered } = requirement;
  if (quantity !== null && quantity > 0) {
    return {
      basis: 'need',
      bars: [
        { step: 'covered', value: covered, max: quantity },
        { step: 'funded', value: funded, max: quantity },
        { step: 'delivered', value: delivered, max: quantity },
      ],
    };
  }
  return {
    basis: 'covered',
    bars: [
      { step: 'funded', value: funded, max: covered },
      { step: 'delivered', value: delivered, max: covered },
    ],
  };
}

/** The requirements by rank (1 first), then by id, whatever order they came in. */
export const byRank = (requirements: readonly RequirementCoverage[]): RequirementCoverage[] =>
  [...requirements].sort((a, b) => a.priorityRank - b.priorityRank || a.id.localeCompare(b.id));
