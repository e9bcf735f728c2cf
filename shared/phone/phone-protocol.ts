import { z } from 'zod';
import { LEVEL_FLOOR_DB } from '../guidance/audio-cues';
import { SipProvisioning } from '../sip/provisioning';
import { CallDirection, CallRecord } from './call-record';
import { DialUri } from './dial-string';
import { DtmfTones, DtmfTransport } from './dtmf';
import { IDLE, LineState } from './line-state';
import { AwayRefusal } from './phone-settings';
import { GrantToken, MonitorMode } from '../monitoring/grant';
import { RolePlayTicketToken } from '../roleplay/session-ticket';
import { TrainingInfo } from '../roleplay/training-info';

/**
 * The phone engine's whole interface: commands in, events out, every one a plain serializable
 * object. The console's UI and the engine talk only in these, so the engine can move into its
 * own page behind a MessagePort (where a console reload no longer drops the call) without a
 * rewrite. The schemas are what that port will parse; today the store and engine share a tab.
 */

export const LineId = z.union([z.literal(1), z.literal(2)]);
export type LineId = z.infer<typeof LineId>;
export const LINE_IDS: readonly LineId[] = [1, 2];

const onLine = { line: LineId };

export const PhoneCommand = z.discriminatedUnion('type', [
  /** Start the user agent with what the central server provisioned, and register. */
  z.object({ type: z.literal('register'), provisioning: SipProvisioning }),
  /** A fresh credential before the old one expires; used from the next REGISTER on. */
  z.object({ type: z.literal('updateCredentials'), provisioning: SipProvisioning }),
  /** Hang up everything, unregister and stop (sign-out). */
  z.object({ type: z.literal('unregister') }),
  /** Re-register at once (the UI's "reconnect" button; the engine also does it by itself on wake). */
  z.object({ type: z.literal('reconnect') }),
  z.object({ type: z.literal('dial'), target: DialUri, display: z.string().max(300).optional() }),
  z.object({ type: z.literal('answer'), ...onLine }),
  z.object({ type: z.literal('reject'), ...onLine }),
  z.object({ type: z.literal('hangup'), ...onLine }),
  z.object({ type: z.literal('hold'), ...onLine }),
  z.object({ type: z.literal('resume'), ...onLine }),
  z.object({ type: z.literal('mute'), ...onLine }),
  z.object({ type: z.literal('unmute'), ...onLine }),
  z.object({ type: z.literal('sendDtmf'), ...onLine, tones: DtmfTones, transport: DtmfTransport.optional() }),
  /** REFER the call on `line` to `target`; the line is free once the other end accepts. */
  z.object({ type: z.literal('blindTransfer'), ...onLine, target: DialUri }),
  /** Hold `line` and call `target` on the other line to introduce the call. */
  z.object({ type: z.literal('startConsult'), ...onLine, target: DialUri, display: z.string().max(300).optional() }),
  /** Join the held call on `line` with its consultation call (REFER with Replaces). */
  z.object({ type: z.literal('completeAttendedTransfer'), ...onLine }),
  /** Hold the active line and resume the held one. */
  z.object({ type: z.literal('swap') }),
  z.object({ type: z.literal('setInputDevice'), deviceId: z.string().max(300).nullable() }),
  z.object({ type: z.literal('setOutputDevice'), deviceId: z.string().max(300).nullable() }),
  z.object({ type: z.literal('setAutoAnswer'), enabled: z.boolean() }),
  /** Whether the agent takes calls now (their state); when not, new calls are turned away as `refusal`. */
  z.object({ type: z.literal('setTakingCalls'), taking: z.boolean(), refusal: AwayRefusal }),
  z.object({ type: z.literal('setDtmfTransport'), transport: DtmfTransport }),
  z.object({ type: z.literal('setVoiceProcessing'), enabled: z.boolean() }),
  /** List the audio devices again (after the agent plugs in a headset the engine also does it). */
  z.object({ type: z.literal('refreshDevices') }),
  /**
   * A supervisor joins an agent's call: dial the agent's phone with the server's grant, or (PBX
   * mode, no token) the PBX's feature code. Either way the call leaves no call record.
   */
  z.object({ type: z.literal('monitor'), target: DialUri, token: GrantToken.optional(), mode: MonitorMode, display: z.string().max(300).optional() }),
  /** A supervisor switches mode on a monitoring call (SIP INFO); the agent's phone honours only granted modes. */
  z.object({ type: z.literal('setMonitorMode'), ...onLine, mode: MonitorMode }),
  /** A supervisor takes the customer over: the server's signed order, sent to the agent's phone on the monitoring call. */
  z.object({ type: z.literal('takeOver'), ...onLine, token: GrantToken }),
  /** A trainer (or a peer) calls a trainee with the server's signed role-play ticket in the INVITE. */
  z.object({ type: z.literal('placeTrainingCall'), target: DialUri, token: RolePlayTicketToken, display: z.string().max(300).optional() }),
  /** Record both sides of the call on `line` (a role-play session the trainee agreed to record). */
  z.object({ type: z.literal('startRecording'), ...onLine }),
  /** Stop recording; the engine sends the audio as a `recording` event. Hanging up stops it too. */
  z.object({ type: z.literal('stopRecording'), ...onLine }),
  /** A word between the two consoles of a training call (SIP INFO on it): hint, pause, the trainee's guidance. */
  z.object({ type: z.literal('sendTrainingInfo'), ...onLine, info: TrainingInfo }),
]);
export type PhoneCommand = z.infer<typeof PhoneCommand>;
/** What a caller writes (DTMF tones before normalization). */
export type PhoneCommandInput = z.input<typeof PhoneCommand>;

export const RegistrationStatus = z.enum(['off', 'connecting', 'registered', 'unregistered', 'failed']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** Why registration failed, for the badge: a refused credential reads differently from no network. */
export const RegistrationProblem = z.enum(['rejected', 'timeout', 'connection', 'other']);
export type RegistrationProblem = z.infer<typeof RegistrationProblem>;

export const RegistrationState = z.object({
  status: RegistrationStatus,
  problem: RegistrationProblem.nullable(),
  /** SIP status of the refusal (403) when there was one. */
  sipStatus: z.number().int().nullable(),
  /** When the status last changed (ms since the epoch). */
  since: z.number(),
  /** The SIP identity in use ("sip:alice@kalma.local"), null when off. */
  uri: z.string().nullable(),
});
export type RegistrationState = z.infer<typeof RegistrationState>;

export const RemoteParty = z.object({
  uri: z.string(),
  /** The user part: a number or a user name. */
  user: z.string(),
  displayName: z.string().nullable(),
});
export type RemoteParty = z.infer<typeof RemoteParty>;

export const LineSnapshot = z.object({
  id: LineId,
  state: LineState,
  /** Changes with each call on the line; null when the line never had one. */
  callId: z.string().nullable(),
  direction: CallDirection.nullable(),
  remote: RemoteParty.nullable(),
  /** ms since the epoch. */
  startedAt: z.number().nullable(),
  answeredAt: z.number().nullable(),
  muted: z.boolean(),
  /** The other side put us on hold. */
  remoteHold: z.boolean(),
  /** The SIP connection carrying this call dropped; the audio may continue, hanging up may not reach them. */
  signalling: z.enum(['ok', 'lost']),
  /** This line is the consultation call of an attended transfer of that line. */
  consultFor: LineId.nullable(),
  /**
   * The role-play ticket token the call carries (inbound: as the INVITE's header said, NOT yet
   * checked; outbound: the one this phone sent). Only the host's check makes a call training.
   */
  training: z.string().max(4_000).nullable(),
  /** Both sides of this call are being recorded now. */
  recording: z.boolean(),
});
export type LineSnapshot = z.infer<typeof LineSnapshot>;

/** A line with no call: how the console starts, and what tests build consoles from. */
export const idleLine = (id: LineId): LineSnapshot => ({
  id,
  state: IDLE,
  callId: null,
  direction: null,
  remote: null,
  startedAt: null,
  answeredAt: null,
  muted: false,
  remoteHold: false,
  signalling: 'ok',
  consultFor: null,
  training: null,
  recording: false,
});

export const CallQuality = z.object({
  /** Inbound packets lost over the last interval, percent. */
  lossPercent: z.number().min(0).max(100),
  jitterMs: z.number().min(0),
  /** Round-trip time, when the stats report one. */
  rttMs: z.number().min(0).nullable(),
  degraded: z.boolean(),
  at: z.number(),
});
export type CallQuality = z.infer<typeof CallQuality>;

export const AudioDevice = z.object({ id: z.string(), label: z.string() });
export type AudioDevice = z.infer<typeof AudioDevice>;

export const PhoneErrorCode = z.enum([
  'not-registered',
  'no-free-line',
  'not-now',
  'microphone-unavailable',
  'device-missing',
  'output-device-failed',
  'dtmf-failed',
  'transfer-failed',
  'dial-failed',
]);
export type PhoneErrorCode = z.infer<typeof PhoneErrorCode>;

export const PhoneEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('registration'), registration: RegistrationState }),
  z.object({ type: z.literal('line'), line: LineSnapshot }),
  z.object({ type: z.literal('quality'), line: LineId, quality: CallQuality.nullable() }),
  /**
   * The active call's audio, ten times a second while a call is active and not held: RMS in dBFS
   * of what the customer sends (`remoteDb`) and of what the agent sends (`localDb`, the floor while
   * muted, since the customer hears nothing). Guidance turns these into audio cues.
   */
  z.object({
    type: z.literal('levels'),
    line: LineId,
    remoteDb: z.number().min(LEVEL_FLOOR_DB).max(0),
    localDb: z.number().min(LEVEL_FLOOR_DB).max(0),
    at: z.number(),
  }),
  /** A keypad tone the other side sent (SIP INFO; RFC 4733 tones are not visible to a browser). */
  z.object({ type: z.literal('dtmfReceived'), line: LineId, tone: z.string().max(1) }),
  z.object({
    type: z.literal('devices'),
    inputs: z.array(AudioDevice),
    outputs: z.array(AudioDevice),
    input: z.string().nullable(),
    output: z.string().nullable(),
  }),
  /**
   * Agent side: a supervisor's monitoring leg on the call on `line` (null: none any more). `shown`
   * is false while a supervisor only listens and the floor does not show listening.
   */
  z.object({
    type: z.literal('monitored'),
    line: LineId,
    monitor: z.object({ supervisorName: z.string().max(120), mode: MonitorMode, shown: z.boolean() }).nullable(),
  }),
  /** Supervisor side: the mode the agent's phone is mixing now on the monitoring call on `line`. */
  z.object({ type: z.literal('monitorMode'), line: LineId, mode: MonitorMode }),
  /**
   * A recording of both sides of a call, made on `startRecording`, delivered when it stops (by
   * `stopRecording` or the call ending). Base64 so the event stays a plain object.
   */
  z.object({
    type: z.literal('recording'),
    line: LineId,
    callId: z.string(),
    mimeType: z.string().max(100),
    audioBase64: z.string(),
    durationMs: z.number().int().min(0),
    /** ms since the epoch when recording started (to place the marks, stamped from the answer). */
    startedAt: z.number(),
  }),
  /** The other console of a training call said something on it (hint, pause, guidance). */
  z.object({ type: z.literal('trainingInfo'), line: LineId, callId: z.string(), info: TrainingInfo }),
  /** A call ended: the record the host keeps. */
  z.object({ type: z.literal('callEnded'), record: CallRecord }),
  z.object({ type: z.literal('error'), code: PhoneErrorCode, line: LineId.nullable(), detail: z.string().max(500).nullable() }),
]);
export type PhoneEvent = z.infer<typeof PhoneEvent>;

/** The engine as the console sees it; today a class in the same tab, later a MessagePort. */
export interface PhonePort {
  send(command: PhoneCommandInput): void;
  subscribe(listener: (event: PhoneEvent) => void): () => void;
}
