import type { SourceLanguage } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { useT } from '../i18n/useT.ts';

const LANGUAGES: readonly SourceLanguage[] = ['uk', 'en', 'ru'];

interface CitedSource {
  readonly title: string;
  readonly url: string | null;
  readonly language: string;
  readonly publisher: string;
  readonly publishedOn: string | null;
}

/** A source's title in its own language, linked to the original when there is a URL. */
export function SourceTitle({ title, url, language }: Pick<CitedSource, 'title' | 'url' | 'language'>) {
  if (!url) return <cite lang={language}>{title}</cite>;
  return (
    <cite lang={language}>
      <a href={url} rel="noopener noreferrer external">
        {title}
      </a>
    </cite>
  );
}

/** "RBC-Ukraine, 10 Aug 2025, in English": who published a source, when, and in which language. */
function useSourceLine(): (source: Pick<CitedSource, 'publisher' | 'publishedOn' | 'language'>) => string {
  const t = useT();
  const format = useFormat();
  return (source) => {
    const known = LANGUAGES.find((candidate) => candidate === source.language);
    const language = known ? t(`common.languageName.${known}`) : source.language;
    return source.publishedOn
      ? t('common.source.line', { publisher: source.publisher, date: format.date(source.publishedOn), language })
      : t('common.source.lineUndated', { publisher: source.publisher, language });
  };
}

/** The title (linked) and, under it, the publisher, date and language: how every page names a source. */
export function SourceCitation({ source, lineClassName }: { source: CitedSource; lineClassName?: string }) {
  const line = useSourceLine();
  return (
    <>
      <SourceTitle title={source.title} url={source.url} language={source.language} />
      <br />
      <span className={lineClassName}>{line(source)}</span>
    </>
  );
}
