/**
 * The organisations the open form may act for, given who is signed in (forms.ts `actingFor`): the workspace provides
 * it around each form, and the selects that name the acting organisation (donor, recipient, coordinator, approver)
 * offer only these.
 */
import { createContext, useContext } from 'react';
import type { Acting } from './forms.ts';

const ActingContext = createContext<Acting>({ organisations: [], first: null });

export const ActingProvider = ActingContext.Provider;

export const useActing = (): Acting => useContext(ActingContext);
