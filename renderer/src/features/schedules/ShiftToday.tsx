import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextPause } from '../../../../shared/schedules/shift-time';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { useSchedulesStore } from './schedules-store';
import './schedules.css';

/** How long before a break or the meal the reminder shows. */
export const REMINDER_MINUTES = 5;
const MINUTE = 60_000;
/** The shift is read again now and then: a supervisor may change today's while the agent works. */
const REFRESH_MS = 15 * MINUTE;

/**
 * The agent's shift today for the status bar, with the next break or meal; a few minutes before
 * one is due (and while it runs) it says so. Nothing shows on a day off or before the first read.
 */
export function ShiftToday({ now: fixedNow }: { now?: number } = {}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const myShift = useSchedulesStore((s) => s.myShift);
  const [clock, setClock] = useState(() => Date.now());
  const now = fixedNow ?? clock;

  useEffect(() => {
    void useSchedulesStore.getState().loadMyShift();
    const refresh = setInterval(() => void useSchedulesStore.getState().loadMyShift(), REFRESH_MS);
    const tick = setInterval(() => setClock(Date.now()), 30_000);
    return () => {
      clearInterval(refresh);
      clearInterval(tick);
    };
  }, []);

  if (!myShift?.shift || !myShift.start || !myShift.end) return null;
  // In the team's zone: the shift is what the schedule says, wherever this computer's clock is set.
  const time = (iso: string) => format.time(Date.parse(iso), { timeStyle: 'short', timeZone: myShift.timeZone });
  const next = nextPause(
    { date: myShift.date, timeZone: myShift.timeZone, start: Date.parse(myShift.start), end: Date.parse(myShift.end), pauses: myShift.pauses.map((p) => ({ kind: p.kind, start: Date.parse(p.start), end: Date.parse(p.end) })) },
    now,
  );
  const kind = next ? t(`schedules.today.${next.kind}`) : null;
  const due = next !== null && now >= next.start - REMINDER_MINUTES * MINUTE;
  return (
    <span className="status-item" data-testid="shift-today">
      {t('schedules.today.shift', { start: time(myShift.start), end: time(myShift.end) })}
      {next && !due && <span className="muted"> · {t('schedules.today.next', { kind, at: time(new Date(next.start).toISOString()) })}</span>}
      {next && due && (
        <span className="shift-today-due" role="status" data-testid="shift-today-due">
          {' '}
          · {now >= next.start ? t('schedules.today.now', { kind }) : t('schedules.today.due', { kind, at: time(new Date(next.start).toISOString()) })}
        </span>
      )}
    </span>
  );
}
