import { type ReactNode, useEffect } from 'react';

/** A page's heading, also the browser tab's title. */
export function Page({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Tranche`;
  }, [title]);
  return (
    <article className="page">
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </article>
  );
}
