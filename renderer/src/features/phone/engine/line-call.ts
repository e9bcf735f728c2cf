import type { RTCSession } from 'jssip/lib/RTCSession';
import type { CallDirection, CallRecord, CallTransfer } from '../../../../../shared/phone/call-record';
import type { EndCause } from '../../../../../shared/phone/line-state';
import type { LineId, RemoteParty } from '../../../../../shared/phone/phone-protocol';

/** The call on a line, as its record will say: one per SIP session. */
export interface CallInfo {
  id: string;
  direction: CallDirection;
  remote: RemoteParty;
  startedAt: number;
  answeredAt: number | null;
  transfers: CallTransfer[];
  /** The record was written; a late SIP event must not write a second one. */
  recorded: boolean;
  /** A supervisor's monitoring leg: not a call with a customer, so it leaves no call record. */
  monitoring?: boolean;
  /**
   * A role-play call's ticket token. The caller's phone knows its own call is training and leaves
   * no record; the trainee's console decides once the host has checked the ticket.
   */
  training?: string;
}

export function newCall(id: string, direction: CallDirection, remote: RemoteParty): CallInfo {
  return { id, direction, remote, startedAt: Date.now(), answeredAt: null, transfers: [], recorded: false };
}

/** The other party as the session names it. */
export function remoteOf(session: RTCSession): RemoteParty {
  const identity = session.remote_identity;
  const displayName = identity.display_name ? String(identity.display_name) : null;
  return { uri: identity.uri.toString(), user: identity.uri.user ?? '', displayName };
}

/** The other party of a call we place, before a session exists. */
export function remoteOfUri(uri: string, display?: string): RemoteParty {
  const user = /^sips?:([^@]+)@/.exec(uri)?.[1] ?? uri;
  return { uri, user, displayName: display && display !== user ? display : null };
}

const clip = (text: string): string => text.slice(0, 300);

export function callRecordOf(call: CallInfo, line: LineId, cause: EndCause, extraTransfers: CallTransfer[]): CallRecord {
  return {
    id: clip(call.id),
    direction: call.direction,
    number: clip(call.remote.displayName ?? call.remote.user),
    remoteUri: clip(call.remote.uri),
    customerId: null,
    line,
    startedAt: new Date(call.startedAt).toISOString(),
    answeredAt: call.answeredAt === null ? null : new Date(call.answeredAt).toISOString(),
    endedAt: new Date().toISOString(),
    endCause: cause,
    transfers: [...call.transfers, ...extraTransfers].slice(0, 20),
  };
}
