import { firedTriggers } from '../../../../shared/domain/presence';
import { runLog } from '../../../../shared/guidance/call-log';
import type { LineId } from '../../../../shared/phone/phone-protocol';
import type { TrainingInfo } from '../../../../shared/roleplay/training-info';
import { useGuidanceStore } from '../guidance/guidance-store';
import { scriptsWalked } from '../presence/live-calls';
import { useRolePlayStore } from './roleplay-store';

/** At most one guidance report a second: a checklist ticked quickly is one message, not ten. */
const SHARE_EVERY_MS = 1_000;

/**
 * The trainee's console tells the trainer's how the guidance panel stands on the training call
 * (scripts walked, prompts fired), as the wallboard hears it for a real call; the trainer marks
 * the rubric with it in view. Answers the unsubscribe.
 */
export function shareGuidance(send: (line: LineId, info: TrainingInfo) => void): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    timer = undefined;
    const training = useRolePlayStore.getState().training;
    const call = useGuidanceStore.getState().call;
    if (!training || training.status !== 'in-call') return;
    const mine = call?.callId === training.callId ? call : null;
    const guidance = {
      scripts: mine ? scriptsWalked(Object.values(mine.runs).map(runLog)) : [],
      triggers: mine ? firedTriggers(mine.state.log) : [],
    };
    const text = JSON.stringify(guidance);
    if (text === last) return;
    last = text;
    send(training.line, { type: 'guidance', guidance });
  };
  const soon = () => {
    timer ??= setTimeout(report, SHARE_EVERY_MS);
  };
  const stopGuidance = useGuidanceStore.subscribe(soon);
  const stopRolePlay = useRolePlayStore.subscribe((state, previous) => {
    if (state.training?.status === 'in-call' && previous.training?.status !== 'in-call') {
      last = '';
      soon();
    }
  });
  return () => {
    clearTimeout(timer);
    stopGuidance();
    stopRolePlay();
  };
}
