import type { RecordSource } from '../../../api/records.ts';
import { useFormat } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';

const LANGUAGES = ['uk', 'en', 'ru'] as const;
const languageKey = (language: string): MessageKey | null => {
  const known = LANGUAGES.find((candidate) => candidate === language);
  return known ? `common.languageName.${known}` : null;
};

/** A record's sources: the title (linked when the source has an address), who published it and when, in which
 * language, and the sentences it states, quoted in that language. */
export function SourceList({ sources }: { sources: readonly RecordSource[] }) {
  const t = useT();
  const format = useFormat();
  if (sources.length === 0) return <span className="records-muted">{t('records.source.none')}</span>;
  return (
    <ul className="records-sources">
      {sources.map((source) => {
        const key = languageKey(source.language);
        const language = key ? t(key) : source.language;
        return (
          <li key={source.sourceId}>
            <cite lang={source.language}>
              {source.url ? (
                <a href={source.url} rel="noreferrer">
                  {source.title}
                </a>
              ) : (
                source.title
              )}
            </cite>
            <span className="records-source-line">
              {source.publishedOn
                ? t('records.source.line', {
                    publisher: source.publisher,
                    date: format.date(source.publishedOn),
                    language,
                  })
                : t('records.source.lineUndated', { publisher: source.publisher, language })}
            </span>
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
