import type { RTCSession } from 'jssip/lib/RTCSession';
import type { GrantCheck, TakeOverCheck } from '../../../../../shared/contract/monitoring';
import {
  GRANT_HEADER,
  MODE_HEADER,
  MODE_INFO_TYPE,
  modeInfoBody,
  MonitorMode,
  parseModeInfo,
  parseTakeOverInfo,
  routing,
  type MonitoringGrant,
} from '../../../../../shared/monitoring/grant';
import type { LineId, PhoneEvent } from '../../../../../shared/phone/phone-protocol';
import type { MonitorTap } from './phone-audio';
import { hurryIceGathering, remoteAudioTrack } from './line-media';

/** The host's side of the gate: checks a grant, and hears what was done with it (the audit). */
export interface MonitorGate {
  verify(token: string, mode: MonitorMode, liveCallIds: string[]): Promise<GrantCheck>;
  report(grantId: string, event: 'mode' | 'mode-refused' | 'ended' | 'taken-over', mode?: MonitorMode): void;
  verifyTakeOver(token: string, grantId: string): Promise<TakeOverCheck>;
}

/** What the phone engine lends the legs: its lines' calls and audio, and its event stream. */
export interface MonitorHost {
  liveCalls(): { line: LineId; callId: string }[];
  openTap(line: LineId): MonitorTap | null;
  /** Hands the customer on `line` to the supervisor at the far end of `leg` (take-over). */
  handOver(line: LineId, leg: RTCSession, display: string): Promise<boolean>;
  pcConfig(): RTCConfiguration;
  emit(event: PhoneEvent): void;
}

interface SipRequest {
  hasHeader(name: string): boolean;
  getHeader(name: string): string | undefined;
}

/** Whether an INVITE is a supervisor's monitoring leg rather than a call for a line. */
export function isMonitoringInvite(request: SipRequest): boolean {
  return request.hasHeader(GRANT_HEADER);
}

/**
 * The agent's side of listen, whisper and barge. A monitoring INVITE never rings and never takes
 * a line: it is answered only after the host says its grant holds (signature, expiry, this agent,
 * a call on this console now, the mode asked for), and then carries the call's audio to the
 * supervisor while the line's MonitorTap routes the supervisor's voice as the mode says. Anything
 * else gets 403 and no media at all.
 */
export class MonitorLegs {
  private readonly legs = new Map<LineId, { session: RTCSession; grant: MonitoringGrant; tap: MonitorTap; mode: MonitorMode }>();

  constructor(
    private readonly host: MonitorHost,
    private readonly gate: () => MonitorGate | null,
  ) {}

  async offer(session: RTCSession, request: SipRequest): Promise<void> {
    const gate = this.gate();
    const token = request.getHeader(GRANT_HEADER) ?? '';
    const asked = MonitorMode.safeParse(request.getHeader(MODE_HEADER) ?? 'listen');
    if (!gate || !asked.success) {
      session.terminate({ status_code: 403, reason_phrase: 'Forbidden' });
      return;
    }
    let check: GrantCheck;
    try {
      check = await gate.verify(token, asked.data, this.host.liveCalls().map((call) => call.callId));
    } catch {
      // The host could not check it (no one signed in, cache closed): no grant, no audio.
      check = { ok: false, refusal: 'malformed' };
    }
    if (session.isEnded()) return;
    const onLine = check.ok ? this.host.liveCalls().find((call) => call.callId === check.grant.callId) : undefined;
    const tap = onLine ? this.host.openTap(onLine.line) : null;
    if (!check.ok || !onLine || !tap) {
      session.terminate({ status_code: 403, reason_phrase: check.ok ? 'Call Not Here' : `Forbidden (${check.refusal})` });
      return;
    }
    this.end(onLine.line);
    const leg = { session, grant: check.grant, tap, mode: asked.data };
    this.legs.set(onLine.line, leg);
    this.apply(onLine.line, asked.data);
    hurryIceGathering(session);
    session.on('confirmed', () => {
      const track = remoteAudioTrack(session);
      if (track) tap.attachVoice(track);
    });
    session.on('newInfo', (event: { originator: string; info: { contentType?: string; body?: string } }) => {
      if (event.originator !== 'remote' || event.info.contentType !== MODE_INFO_TYPE) return;
      const takeOver = parseTakeOverInfo(event.info.body ?? '');
      if (takeOver) void this.takeOver(onLine.line, session, takeOver);
      else this.changeMode(onLine.line, session, event.info.body ?? '');
    });
    const over = () => {
      if (this.legs.get(onLine.line)?.session !== session) return;
      this.legs.delete(onLine.line);
      tap.close();
      gate.report(check.grant.id, 'ended');
      this.host.emit({ type: 'monitored', line: onLine.line, monitor: null });
    };
    session.on('ended', over);
    session.on('failed', over);
    session.answer({ mediaStream: tap.stream, pcConfig: this.host.pcConfig() });
    const connection = session.connection as RTCPeerConnection | undefined;
    connection?.addEventListener('track', (event) => {
      if (event.track.kind === 'audio') tap.attachVoice(event.track);
    });
  }

  /** The monitored call ended or left this console: the supervisor's leg goes with it. */
  lineFree(line: LineId): void {
    this.end(line);
  }

  private end(line: LineId): void {
    const leg = this.legs.get(line);
    if (!leg) return;
    if (!leg.session.isEnded()) leg.session.terminate();
  }

  /** The supervisor takes the customer, on the server's signed order for this very leg. */
  private async takeOver(line: LineId, session: RTCSession, token: string): Promise<void> {
    const leg = this.legs.get(line);
    const gate = this.gate();
    if (!leg || leg.session !== session || !gate) return;
    let check: TakeOverCheck;
    try {
      check = await gate.verifyTakeOver(token, leg.grant.id);
    } catch {
      check = { ok: false, refusal: 'malformed' };
    }
    if (!check.ok || this.legs.get(line)?.session !== session) {
      session.sendInfo(MODE_INFO_TYPE, modeInfoBody(leg.mode));
      return;
    }
    if (await this.host.handOver(line, session, leg.grant.supervisorName)) gate.report(leg.grant.id, 'taken-over');
  }

  private changeMode(line: LineId, session: RTCSession, body: string): void {
    const leg = this.legs.get(line);
    if (!leg || leg.session !== session) return;
    const wanted = parseModeInfo(body);
    const granted = wanted !== null && leg.grant.modes.includes(wanted);
    if (granted) this.apply(line, wanted as MonitorMode);
    this.gate()?.report(leg.grant.id, granted ? 'mode' : 'mode-refused', wanted ?? undefined);
    // Tells the supervisor's phone what it is really in now, granted or not.
    session.sendInfo(MODE_INFO_TYPE, modeInfoBody(leg.mode));
  }

  private apply(line: LineId, mode: MonitorMode): void {
    const leg = this.legs.get(line);
    if (!leg) return;
    leg.mode = mode;
    const to = routing(mode);
    leg.tap.route({ agent: to.supervisorToAgent, customer: to.supervisorToCustomer });
    this.host.emit({
      type: 'monitored',
      line,
      monitor: { supervisorName: leg.grant.supervisorName, mode, shown: mode !== 'listen' || leg.grant.showListening },
    });
  }
}
