/**
 * The audit view's address (web/src/pages/workspace/audit/audit-filters.ts): its filters read into the API's query
 * and written back, the older page, and the portal page of the record each event was recorded on.
 */
import { describe, expect, it } from 'vitest';
import {
  AUDIT_PAGE_SIZE,
  auditQueryOf,
  auditSearch,
  olderPage,
  recordOf,
  recordPath,
} from '../../../web/src/pages/workspace/audit/audit-filters.ts';

describe('the audit view’s filters', () => {
  it('reads the filters from the address, leaving out empty ones and a page that is not a number', () => {
    const params = new URLSearchParams('actor=person%3Aolena&stream=&type=RoleGranted&since=2026-04-01&before=x');
    expect(auditQueryOf(params)).toEqual({ actor: 'person:olena', type: 'RoleGranted', since: '2026-04-01' });
    expect(auditQueryOf(new URLSearchParams('before=120'))).toEqual({ before: 120 });
    expect(auditQueryOf(new URLSearchParams('before=-3&limit=5'))).toEqual({});
  });

  it('writes them back in a stable order', () => {
    expect(auditSearch({ type: 'TokenIssued', actor: 'person:admin', before: 40 })).toBe(
      'actor=person%3Aadmin&type=TokenIssued&before=40',
    );
    expect(auditSearch({})).toBe('');
  });

  it('offers older events after a full page only', () => {
    const full = Array.from({ length: AUDIT_PAGE_SIZE }, (_, index) => 500 - index);
    expect(olderPage({ actor: 'person:admin' }, full)).toEqual({ actor: 'person:admin', before: 401 });
    expect(olderPage({}, full.slice(0, 10))).toBeNull();
  });
});

describe('the record of an event', () => {
  const contributions = new Map([
    ['nl-7', { donorId: 'nl', packageId: 'purl-nl-2' }],
    ['se-1', { donorId: 'se', packageId: null }],
  ]);
  const place = (id: string) => contributions.get(id);

  it('links packages, organisations and contributions to their pages on the portal', () => {
    expect(recordPath('package-purl-nl-2', place)).toBe('/packages/purl-nl-2');
    expect(recordPath('organisation-nl', place)).toBe('/donors/nl');
    expect(recordPath('contribution-nl-7', place)).toBe('/packages/purl-nl-2');
    expect(recordPath('contribution-se-1', place)).toBe('/donors/se');
  });

  it('links nothing the portal has no page for', () => {
    expect(recordPath('contribution-unknown-1', place)).toBeNull();
    expect(recordPath('person-olena', place)).toBeNull();
    expect(recordPath('priority-list-ua-2026-04', place)).toBeNull();
    expect(recordOf('package-')).toBeNull();
  });
});
