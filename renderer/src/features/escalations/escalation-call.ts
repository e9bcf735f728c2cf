import { callReference, type CallReference } from '../../../../shared/phone/call-reference';
import { LINE_IDS, type LineId, type LineSnapshot } from '../../../../shared/phone/phone-protocol';
import type { ScreenPop } from '../phone/screen-pop';

export interface CallContext {
  callId: string;
  reference: CallReference;
}

const IN_CALL = ['active', 'held', 'transferring'];

/**
 * The call an escalation is raised from: the call linked to this customer if one is going on,
 * else the call the agent is talking on. Null with no call (a card opened between calls).
 */
export function callFor(customerId: string, lines: Record<LineId, LineSnapshot>, pops: Record<LineId, ScreenPop | null>): CallContext | null {
  const live = LINE_IDS.map((id) => lines[id]).filter((line) => IN_CALL.includes(line.state.name) && line.callId !== null && line.startedAt !== null);
  const linked = live.find((line) => {
    const pop = pops[line.id];
    return pop?.status === 'known' && pop.callId === line.callId && pop.customerId === customerId;
  });
  const line = linked ?? live.find((l) => l.state.name === 'active') ?? live[0];
  if (!line?.callId || line.startedAt === null) return null;
  return { callId: line.callId, reference: callReference(line.callId, line.startedAt) };
}
