/**
 * The sign-in page's address with where to go back to (`/sign-in?next=/workspace/pledge`), and reading it back. Only a
 * path inside the app is followed, so a crafted link cannot send someone elsewhere after they sign in. Paths are
 * relative to the locale (`/workspace`, not `/en/workspace`).
 */
export const SIGN_IN_PATH = '/sign-in';
const DEFAULT_NEXT = '/workspace';

export function signInPath(next: string): string {
  const back = safeNext(next);
  return back === DEFAULT_NEXT ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(back)}`;
}

/** Where to go after signing in: `next` when it is a path in the app (not the sign-in page), else the workspace. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return DEFAULT_NEXT;
  const path = next.split(/[?#]/)[0] ?? '';
  return path === SIGN_IN_PATH ? DEFAULT_NEXT : next;
}

/**
 * What the sign-in page is told, in the history entry's state, when every session of the person has just ended
 * because they changed their password: it says so above the form.
 */
export const PASSWORD_CHANGED = { notice: 'password-changed' } as const;

export const isPasswordChanged = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && 'notice' in state && state.notice === PASSWORD_CHANGED.notice;
