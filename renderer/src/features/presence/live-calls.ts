import { firedTriggers, type LiveCall } from '../../../../shared/domain/presence';
import type { PromptLogEntry } from '../../../../shared/guidance/triggers-scheduler';
import { summarizeGuidance, type GuidanceRunLog } from '../../../../shared/guidance/call-log';
import { callReference } from '../../../../shared/phone/call-reference';
import { idleLine, LINE_IDS, type LineId, type LineSnapshot } from '../../../../shared/phone/phone-protocol';
import type { ScreenPop } from '../phone/screen-pop';

/** Line states that carry a call the supervisor should see (ringing and dialling included). */
const LIVE_STATES = new Set(['ringing-in', 'dialing', 'early-media', 'active', 'held', 'transferring']);

/** The lines as the wallboard may see them: a role-play call's line shows as free. */
export function withoutTraining(lines: Record<LineId, LineSnapshot>, trainingCallIds: readonly string[]): Record<LineId, LineSnapshot> {
  const hidden = LINE_IDS.filter((id) => lines[id].callId !== null && trainingCallIds.includes(lines[id].callId!));
  if (hidden.length === 0) return lines;
  const shown = { ...lines };
  for (const id of hidden) shown[id] = idleLine(id);
  return shown;
}

/**
 * The console's live calls as presence reports them: one per line with a call, the customer the
 * screen-pop or the agent linked, and the guidance triggers fired in the call guidance follows.
 */
export function liveCalls(
  lines: Record<LineId, LineSnapshot>,
  pops: Record<LineId, ScreenPop | null>,
  guidance: { callId: string; log: readonly PromptLogEntry[]; runs?: readonly GuidanceRunLog[] } | null,
): LiveCall[] {
  const calls: LiveCall[] = [];
  for (const id of LINE_IDS) {
    const line = lines[id];
    if (!LIVE_STATES.has(line.state.name) || line.callId === null || line.startedAt === null || line.direction === null) continue;
    const pop = pops[id];
    const known = pop?.status === 'known' && pop.callId === line.callId ? pop : null;
    calls.push({
      callId: line.callId.slice(0, 300),
      reference: callReference(line.callId, line.startedAt),
      line: id,
      direction: line.direction,
      customerId: known?.customerId ?? null,
      customerName: known?.name.slice(0, 200) ?? null,
      startedAt: new Date(line.startedAt).toISOString(),
      answeredAt: line.answeredAt === null ? null : new Date(line.answeredAt).toISOString(),
      onHold: line.state.name === 'held',
      triggers: guidance?.callId === line.callId ? firedTriggers(guidance.log) : [],
      scripts: guidance?.callId === line.callId ? scriptsWalked(guidance.runs ?? []) : [],
    });
  }
  return calls;
}

/** How far each script of the call has been walked (the last five). */
export function scriptsWalked(runs: readonly GuidanceRunLog[]): LiveCall['scripts'] {
  return summarizeGuidance({ prompts: [], tally: {}, runs: [...runs] })
    .runs.slice(-5)
    .map(({ title, stepsDone, stepCount, checked, checklistCount }) => ({ title, stepsDone, stepCount, checked, checklistCount }));
}
