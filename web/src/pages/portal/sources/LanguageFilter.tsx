import { SOURCE_LANGUAGES } from '../../../api/sources.ts';
import { useT } from '../../../i18n/useT.ts';
import type { LanguageChoice } from './feed-params.ts';
import './sources.css';

const CHOICES: readonly LanguageChoice[] = ['all', ...SOURCE_LANGUAGES];

/** All languages, or only the versions in Ukrainian, English or Russian: a radio group (arrow keys move in it). */
export function LanguageFilter({
  value,
  onChange,
}: {
  value: LanguageChoice;
  onChange: (next: LanguageChoice) => void;
}) {
  const t = useT();
  return (
    <fieldset className="source-filter">
      <legend>{t('sources.filter.label')}</legend>
      {CHOICES.map((choice) => (
        <label key={choice}>
          <input
            type="radio"
            name="source-language"
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />{' '}
          {choice === 'all' ? t('sources.filter.all') : t(`sources.filter.${choice}`)}
        </label>
      ))}
    </fieldset>
  );
}
