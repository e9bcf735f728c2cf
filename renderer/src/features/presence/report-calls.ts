import { callHost } from '../../host-call';
import { useGuidanceStore } from '../guidance/guidance-store';
import { usePhoneStore } from '../phone/phone-store';
import { liveCalls, withoutTraining } from './live-calls';
import { runLog } from '../../../../shared/guidance/call-log';

/**
 * Tells the host the calls on this console's lines whenever what a supervisor would see changes
 * (a call rings, is answered, held, linked to a customer, a guidance trigger fires). The host adds
 * the agent's state and sends it all up as presence. Answers the unsubscribe.
 */
export function reportCalls(): () => void {
  let last = '';
  const check = () => {
    const phone = usePhoneStore.getState();
    const call = useGuidanceStore.getState().call;
    // Training calls are not work: the wallboard shows the trainee "in training" instead.
    const lines = withoutTraining(phone.lines, phone.trainingCallIds);
    const calls = liveCalls(lines, phone.screenPops, call ? { callId: call.callId, log: call.state.log, runs: Object.values(call.runs).map(runLog) } : null);
    const text = JSON.stringify(calls);
    if (text === last) return;
    last = text;
    void callHost('presence.calls', { calls });
  };
  check();
  const stopPhone = usePhoneStore.subscribe(check);
  const stopGuidance = useGuidanceStore.subscribe(check);
  return () => {
    stopPhone();
    stopGuidance();
  };
}
