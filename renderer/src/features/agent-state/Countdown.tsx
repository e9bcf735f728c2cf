import { useEffect, useState } from 'react';
import { elapsed } from '../../ui/ElapsedTimer';

/** mm:ss left until `until`, ticking every second and stopping at 00:00. */
export function Countdown({ until, testId }: { until: number; testId: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span data-testid={testId} aria-hidden="true">
      {elapsed(Math.max(0, until - now + 999))}
    </span>
  );
}
