import type { Role, User } from '../../../../shared/domain/user';
import { LINE_IDS } from '../../../../shared/phone/phone-protocol';
import { useCustomersStore } from '../customers/customers-store';
import { watchAudioCues } from '../guidance/audio-cue-watch';
import { useSessionStore, type SessionStatus } from '../session/session-store';
import { PhoneEngine } from './engine/phone-engine';
import { callInProgress } from './phone-shortcuts';
import { connectPhone, usePhoneStore } from './phone-store';
import { connectMonitoring, monitorGate } from '../monitoring/monitoring-store';
import { connectRolePlay } from '../roleplay/roleplay-store';

/** Who gets a phone that registers: agents for calls, supervisors to listen, whisper and barge, trainers for role-play. */
export const PHONE_ROLES: readonly Role[] = ['agent', 'supervisor', 'trainer'];

let engine: PhoneEngine | null = null;

/**
 * Starts the phone once, when the console starts (main.tsx), outside React: the engine, the store
 * that mirrors it, the link to the session (register after sign-in, hang up and unregister on
 * sign-out), the leave-page guard, and the audio unlock on the first gesture.
 */
export function startPhone(): PhoneEngine {
  if (engine) return engine;
  const phone = new PhoneEngine({ monitorGate: () => monitorGate });
  engine = phone;
  connectPhone(phone);
  connectMonitoring(phone);
  connectRolePlay(phone);
  // Audio cues from the call's levels; the guidance store will take them as prompt triggers.
  watchAudioCues(phone);
  followSession();
  openCallersCard();

  // Leaving or reloading the console drops the call: the browser asks the agent first.
  window.addEventListener('beforeunload', (event) => {
    if (!callInProgress(usePhoneStore.getState().lines)) return;
    event.preventDefault();
    event.returnValue = '';
  });
  const unlock = () => phone.unlockAudio();
  window.addEventListener('pointerdown', unlock, { capture: true });
  window.addEventListener('keydown', unlock, { capture: true });
  return phone;
}

function followSession(): void {
  let phoneUser: string | null = null;
  const follow = (user: User | null, status: SessionStatus) => {
    const wanted = user && status === 'signed-in' && PHONE_ROLES.includes(user.role) ? user.id : null;
    if (wanted === phoneUser) return;
    if (phoneUser !== null) usePhoneStore.getState().stop();
    phoneUser = wanted;
    if (wanted !== null) void usePhoneStore.getState().start();
  };
  useSessionStore.subscribe((state) => follow(state.user, state.status));
  const { user, status } = useSessionStore.getState();
  follow(user, status);
}

/**
 * Screen-pop, second half: when a ringing call's number names a customer, their card opens in the
 * customer panel (the line card already shows the name). Each call opens its customer once, so an
 * agent who moves on to someone else mid-call is not pulled back, and a call waiting behind another
 * call does not take the panel away from the customer on the line.
 */
function openCallersCard(): void {
  const opened = new Set<string>();
  usePhoneStore.subscribe((state, previous) => {
    if (state.screenPops === previous.screenPops) return;
    for (const line of LINE_IDS) {
      const pop = state.screenPops[line];
      if (pop?.status !== 'known' || opened.has(pop.callId)) continue;
      opened.add(pop.callId);
      if (opened.size > 100) opened.delete(opened.values().next().value!);
      // A call waiting while the agent talks to someone else: the line card names the caller,
      // but the panel stays on the customer the agent is talking to.
      const other = state.lines[line === 1 ? 2 : 1].state.name;
      if (other === 'active' || other === 'held' || other === 'transferring') continue;
      void useCustomersStore.getState().select(pop.customerId);
    }
  });
}
