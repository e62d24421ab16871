/**
 * Who is acting in the workspace. Until sign-in exists the user picks an organisation, sent with every command as
 * `X-Tranche-Actor` and remembered in this browser; sign-in will replace `ActorProvider` with the signed-in user.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

const STORAGE_KEY = 'tranche.actor';

export interface Actor {
  /** An organisation id, or '' when nobody has been chosen (the API then records "anonymous"). */
  readonly actor: string;
  readonly setActor: (actor: string) => void;
}

const ActorContext = createContext<Actor>({ actor: '', setActor: () => {} });

function stored(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function ActorProvider({ children }: { children: ReactNode }) {
  const [actor, set] = useState(stored);
  const setActor = useCallback((next: string) => {
    set(next);
    try {
      if (next === '') window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still used.
    }
  }, []);
  const value = useMemo(() => ({ actor, setActor }), [actor, setActor]);
  return <ActorContext.Provider value={value}>{children}</ActorContext.Provider>;
}

export const useActor = (): Actor => useContext(ActorContext);

/** The headers that say who is acting. */
export function actorHeaders(actor: string): Record<string, string> {
  return actor === '' ? {} : { 'x-tranche-actor': actor };
}
