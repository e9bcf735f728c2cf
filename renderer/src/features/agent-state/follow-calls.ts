import { takesCalls, type AgentStateName } from '../../../../shared/domain/agent-state';
import { LINE_IDS } from '../../../../shared/phone/phone-protocol';
import { callHost } from '../../host-call';
import { usePhoneStore, type PhoneState } from '../phone/phone-store';

/**
 * The phone rings only while the agent's state takes calls (shared/domain/agent-state.ts), and not
 * while a recovery pause is on offer: after an abusive call the agent decides before the next one.
 */
export function followStateWithPhone(state: AgentStateName, recoveryOffered = false): void {
  const taking = takesCalls(state) && !recoveryOffered;
  if (usePhoneStore.getState().takingCalls !== taking) usePhoneStore.getState().setTakingCalls(taking);
}

/**
 * Tells the host when a call on either line connects, so the agent shows as on a call (the end is
 * already reported with the call record). Each call is announced once, however often its line
 * goes between held and active.
 */
export function followCalls(): () => void {
  const announced = new Set<string>();
  const check = (state: PhoneState) => {
    for (const id of LINE_IDS) {
      const line = state.lines[id];
      if (line.state.name !== 'active' || line.callId === null || announced.has(line.callId)) continue;
      // A role-play call puts the trainee "in training" (roleplay feature), not on a call.
      if (line.training !== null && (line.direction === 'outbound' || state.trainingCallIds.includes(line.callId))) continue;
      announced.add(line.callId);
      void callHost('calls.connected', { callId: line.callId });
    }
  };
  check(usePhoneStore.getState());
  return usePhoneStore.subscribe(check);
}
