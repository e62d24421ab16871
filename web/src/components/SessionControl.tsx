/**
 * The header's account corner: who is signed in (a link to their account, where they change their password) and a
 * button to sign out, or a link to sign in that brings the person back to the page they were on.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useSession, useSignOut } from '../api/session.ts';
import { useT } from '../i18n/useT.ts';
import { SIGN_IN_PATH, signInPath } from './sign-in-path.ts';

export function SessionControl() {
  const t = useT();
  const session = useSession();
  const signOut = useSignOut();
  const [path] = useLocation();
  const search = useSearch();
  const signInRef = useRef<HTMLAnchorElement>(null);
  const [signedOut, setSignedOut] = useState(false);

  // The sign-out button is gone once it has done its work: keyboard focus moves to the link that replaces it.
  useEffect(() => {
    if (signedOut && signInRef.current) {
      signInRef.current.focus();
      setSignedOut(false);
    }
  });

  if (!session.data) return null;
  if (session.data.signedIn) {
    return (
      <div className="session-control">
        <Link href="/workspace/account" className="session-name">
          <span className="visually-hidden">{t('common.session.signedInAs')} </span>
          {session.data.name ?? session.data.actor}
        </Link>
        <button
          type="button"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSuccess: () => setSignedOut(true) })}
        >
          {t('common.session.signOut')}
        </button>
      </div>
    );
  }
  const here = `${path}${search ? `?${search}` : ''}`;
  const onSignIn = path === SIGN_IN_PATH;
  return (
    <div className="session-control">
      <Link
        ref={signInRef}
        href={onSignIn ? here : signInPath(here)}
        aria-current={onSignIn ? 'page' : undefined}
        className="sign-in-link"
      >
        {t('common.session.signIn')}
      </Link>
    </div>
  );
}
