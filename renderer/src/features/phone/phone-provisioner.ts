import type { ContractError } from '../../../../shared/contract';
import type { PhoneCommandInput, RegistrationState } from '../../../../shared/phone/phone-protocol';
import type { SipProvisioning } from '../../../../shared/sip/provisioning';
import { callHost } from '../../host-call';
import type { PhoneSetup } from './phone-store';

/** setTimeout's ceiling. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** An unreachable server is asked again this often. */
const RETRY_MS = 30_000;
/** After the SIP server refused a credential: ask for a fresh one after 15 s, doubling to 5 min. */
const REJECTED_RETRY_MIN_MS = 15_000;
const REJECTED_RETRY_MAX_MS = 5 * 60_000;

export interface Provisioner {
  start(): Promise<void>;
  stop(): void;
  registrationChanged(registration: RegistrationState): void;
  /** The phone's own SIP address, once provisioned. */
  uri(): string | null;
}

/**
 * Keeps the phone's credential fresh: fetches it from the host after sign-in, renews it well
 * before it expires (a shift outlasts no credential by surprise), and after the SIP server refuses
 * one asks for a new one with backoff rather than hammering the server or giving up for good.
 */
export function createProvisioner({
  send,
  onSetup,
}: {
  send(command: PhoneCommandInput): void;
  onSetup(setup: PhoneSetup, error: ContractError | null): void;
}): Provisioner {
  let current: SipProvisioning | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let rejections = 0;

  const later = (ms: number, run: () => void) => {
    clearTimeout(timer);
    timer = setTimeout(run, Math.min(MAX_TIMER_MS, Math.max(0, ms)));
  };

  async function start(): Promise<void> {
    const gen = ++generation;
    clearTimeout(timer);
    onSetup('loading', null);
    const result = await callHost('phone.provisioning', {});
    if (gen !== generation) return;
    if (!result.ok) {
      onSetup('error', result.error);
      // A session that ended sends the console to sign-in; anything else may pass.
      if (result.error.code !== 'UNAUTHENTICATED' && result.error.code !== 'FORBIDDEN') later(RETRY_MS, () => void start());
      return;
    }
    if (result.value.status === 'not-configured') {
      current = null;
      onSetup('not-configured', null);
      return;
    }
    current = result.value.provisioning;
    onSetup('ready', null);
    send({ type: 'register', provisioning: current });
    scheduleRefresh(current);
  }

  function scheduleRefresh(provisioning: SipProvisioning): void {
    const left = Date.parse(provisioning.expiresAt) - Date.now();
    later(Math.max(30_000, left * 0.8), () => void refresh());
  }

  async function refresh(): Promise<void> {
    const gen = generation;
    const result = await callHost('phone.provisioning', {});
    if (gen !== generation) return;
    if (result.ok && result.value.status === 'ready') {
      current = result.value.provisioning;
      send({ type: 'updateCredentials', provisioning: current });
      scheduleRefresh(current);
      return;
    }
    if (result.ok) {
      // The server dropped its phone configuration mid-shift: say so, keep the calls in progress.
      onSetup('not-configured', null);
      return;
    }
    if (result.error.code === 'UNAUTHENTICATED') return;
    later(RETRY_MS, () => void refresh());
  }

  return {
    start,
    stop() {
      generation += 1;
      clearTimeout(timer);
      current = null;
      rejections = 0;
    },
    registrationChanged(registration) {
      if (registration.status === 'registered') {
        rejections = 0;
        return;
      }
      if (registration.status === 'failed' && registration.problem === 'rejected' && current) {
        const delay = Math.min(REJECTED_RETRY_MAX_MS, REJECTED_RETRY_MIN_MS * 2 ** rejections);
        rejections += 1;
        later(delay, () => void start());
      }
    },
    uri: () => current?.uri ?? null,
  };
}
