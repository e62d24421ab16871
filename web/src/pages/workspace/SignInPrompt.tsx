/** What a visitor sees in the workspace: why to sign in, and a link that brings them back here afterwards. */
import { Link } from 'wouter';
import { signInPath } from '../../components/sign-in-path.ts';
import { useT } from '../../i18n/useT.ts';

export function SignInLink({ next }: { next: string }) {
  const t = useT();
  return (
    <p>
      <Link href={signInPath(next)} className="button primary">
        {t('workspace.signInLink')}
      </Link>
    </p>
  );
}

export function SignInPrompt({ next, message }: { next: string; message?: string }) {
  const t = useT();
  return (
    <div className="notice">
      <p>{message ?? t('workspace.signInPrompt')}</p>
      <SignInLink next={next} />
    </div>
  );
}
