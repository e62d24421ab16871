/** Who publishes Tranche's IATI file: its reporting-org, and the prefix of every iati-identifier. */
export interface IatiPublisher {
  /** An IATI organisation identifier, e.g. `GB-CHC-1234567`. */
  readonly ref: string;
  readonly name: string;
  /** An IATI OrganisationType code, e.g. `90` (other). */
  readonly type: string;
}

/** A placeholder identity, until an instance sets its own registered one (TRANCHE_IATI_PUBLISHER_REF). */
export const DEFAULT_IATI_PUBLISHER: IatiPublisher = { ref: 'XI-TRANCHE', name: 'Tranche', type: '90' };
