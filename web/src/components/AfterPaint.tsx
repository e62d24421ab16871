import { type ReactNode, useEffect, useState } from 'react';

/**
 * Renders its children once the page has been painted: the headline figures show first, and the charts and the
 * map, which take a few hundred milliseconds of script to draw on a slow machine, follow in the next frames.
 */
export function AfterPaint({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // Two frames: the first runs before the paint that shows the figures, the second after it.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, []);
  return <>{painted ? children : fallback}</>;
}
