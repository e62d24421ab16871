import { useFormat } from '../../../i18n/format.ts';
import './package.css';

/**
 * A share as text and as a bar beside it ("75 %" ▓▓▓░). The text carries the value; the bar, hidden from screen
 * readers, only shows it. Shares above the whole fill the bar.
 */
export function ShareBar({ value, label, tone }: { value: number; label?: string; tone?: string }) {
  const format = useFormat();
  const width = `${Math.round(Math.min(Math.max(value, 0), 1) * 100)}%`;
  return (
    <span className="pkg-share">
      <span className="pkg-share-text">
        {format.share(value)}
        {label ? <span className="pkg-share-label"> {label}</span> : null}
      </span>
      <span className="pkg-share-track" aria-hidden="true">
        <span className={`pkg-share-fill${tone ? ` pkg-tone-${tone}` : ''}`} style={{ width }} />
      </span>
    </span>
  );
}
