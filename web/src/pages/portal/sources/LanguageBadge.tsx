import { isSourceLanguage } from '../../../api/sources.ts';
import { useT } from '../../../i18n/useT.ts';

/** The language a source is written in, as a badge ("Ukrainian"), in the reader's language. */
export function LanguageBadge({ language }: { language: string }) {
  const t = useT();
  return (
    <span className="status language-badge">
      {isSourceLanguage(language) ? t(`common.languageName.${language}`) : language}
    </span>
  );
}
