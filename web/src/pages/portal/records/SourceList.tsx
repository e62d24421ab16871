import type { RecordSource } from '../../../api/records.ts';
import { SourceCitation } from '../../../components/SourceCitation.tsx';
import { useT } from '../../../i18n/useT.ts';

/** A record's sources: the title (linked when the source has an address), who published it and when, in which
 * language, and the sentences it states, quoted in that language. */
export function SourceList({ sources }: { sources: readonly RecordSource[] }) {
  const t = useT();
  if (sources.length === 0) return <span className="records-muted">{t('records.source.none')}</span>;
  return (
    <ul className="records-sources">
      {sources.map((source) => {
        return (
          <li key={source.sourceId}>
            <SourceCitation source={source} lineClassName="records-source-line" />
            {source.claims.map((claim) => (
              <figure key={claim.claimId} className="records-claim">
                <blockquote lang={source.language}>
                  <p>{claim.sentence}</p>
                </blockquote>
                {claim.linked ? null : <figcaption className="records-muted">{t('records.claim.unlinked')}</figcaption>}
              </figure>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
