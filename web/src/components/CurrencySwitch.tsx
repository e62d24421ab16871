import { CURRENCIES } from '../api/types.ts';
import { useCurrency } from '../app/currency.tsx';
import { useT } from '../i18n/useT.ts';

/** EUR or USD for every total on every page (converted at the ECB rate of each record's date). */
export function CurrencySwitch() {
  const t = useT();
  const { currency, setCurrency } = useCurrency();
  return (
    <label className="currency-switch">
      <span>{t('common.currency')}</span>
      <select
        value={currency}
        onChange={(event) => {
          const next = CURRENCIES.find((code) => code === event.target.value);
          if (next) setCurrency(next);
        }}
      >
        {CURRENCIES.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </label>
  );
}
