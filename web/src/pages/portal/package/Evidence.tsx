import { useApi } from '../../../api/hooks.ts';
import type { SourceDetail } from '../../../api/packages.ts';
import type { Evidence } from '../../../api/types.ts';
import { SourceCitation } from '../../../components/SourceCitation.tsx';
import { useT } from '../../../i18n/useT.ts';
import { type Quote, quotesFromSource } from './evidence.ts';

/**
 * One source behind a step: the sentence quoted in the source's own language, then its title, publisher, date and
 * language. When the ledger links no sentence, the source is read (once per source, cached) for one.
 */
export function EvidenceItem({
  evidence,
  sentence,
  subjectIds,
}: {
  evidence: Evidence;
  /** The sentence already known (a linked claim's); null: look in the source. */
  sentence: string | null;
  /** The package and contribution the step is about, to pick the source's sentences about them. */
  subjectIds: readonly string[];
}) {
  const source = useApi<SourceDetail>(sentence ? null : `/sources/${encodeURIComponent(evidence.sourceId)}`);
  const quotes: readonly Quote[] = sentence
    ? [{ sentence, excerpt: false }]
    : source.data
      ? quotesFromSource(source.data, subjectIds)
      : [];
  return <SourceQuote source={evidence} quotes={quotes} />;
}

/** A quote and where it is from: `<blockquote lang>` and a caption naming the source. */
export function SourceQuote({
  source,
  quotes,
}: {
  source: Pick<Evidence, 'title' | 'publisher' | 'publishedOn' | 'language' | 'url'>;
  quotes: readonly Quote[];
}) {
  const t = useT();
  return (
    <figure className="pkg-quote">
      {quotes.map((quote) => (
        <div key={quote.sentence}>
          {quote.excerpt ? <p className="pkg-muted">{t('package.timeline.excerpt')}</p> : null}
          <blockquote lang={source.language}>
            <p>{quote.sentence}</p>
          </blockquote>
        </div>
      ))}
      <figcaption>
        <SourceCitation source={source} />
      </figcaption>
    </figure>
  );
}
