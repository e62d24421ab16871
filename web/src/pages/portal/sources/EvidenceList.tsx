import type { Evidence } from '../../../api/types.ts';
import { SourceTitle } from '../../../components/SourceCitation.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { LanguageBadge } from './LanguageBadge.tsx';
import './sources.css';

/** The sources behind an event: publisher, date, language, title (a link when the source has a URL) and sentence. */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  const t = useT();
  const format = useFormat();
  if (evidence.length === 0) return <p className="evidence-none">{t('sources.evidence.none')}</p>;
  return (
    <ul className="evidence">
      {evidence.map((item) => (
        <li key={`${item.sourceId}|${item.claimId ?? ''}`}>
          <span className="source-meta">
            {item.publisher}
            {item.publishedOn ? ` · ${format.date(item.publishedOn)}` : ''} <LanguageBadge language={item.language} />
          </span>{' '}
          <SourceTitle title={item.title} url={item.url} language={item.language} />
          {item.sentence ? <blockquote lang={item.language}>{item.sentence}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}
