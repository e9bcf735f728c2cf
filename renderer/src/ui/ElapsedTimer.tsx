import { useEffect, useState } from 'react';

/** mm:ss (h:mm:ss past an hour) since `from`, ticking every second. */
export function ElapsedTimer({ from, testId, className }: { from: number; testId: string; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className={className} data-testid={testId} aria-hidden="true">
      {elapsed(Math.max(0, now - from))}
    </span>
  );
}

export function elapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}
