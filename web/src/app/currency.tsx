import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { CURRENCIES, type Currency } from '../api/types.ts';

const STORAGE_KEY = 'tranche.currency';

interface CurrencyChoice {
  readonly currency: Currency;
  readonly setCurrency: (currency: Currency) => void;
}

const CurrencyContext = createContext<CurrencyChoice>({ currency: 'EUR', setCurrency: () => {} });

function stored(): Currency {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return CURRENCIES.find((currency) => currency === value) ?? 'EUR';
  } catch {
    return 'EUR';
  }
}

/** The currency every total is shown in (EUR or USD), chosen in the header and remembered in this browser. */
export function CurrencyProvider({ children }: { children: ReactNode }) {
  const [currency, set] = useState<Currency>(stored);
  const setCurrency = useCallback((next: Currency) => {
    set(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still applied.
    }
  }, []);
  const value = useMemo(() => ({ currency, setCurrency }), [currency, setCurrency]);
  return <CurrencyContext.Provider value={value}>{children}</CurrencyContext.Provider>;
}

export const useCurrency = (): CurrencyChoice => useContext(CurrencyContext);
