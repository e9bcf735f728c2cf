import type { EndCause } from '../../../../../shared/phone/line-state';

/**
 * Why a call ended, in the agent's terms, from what JsSIP reports: who ended it, JsSIP's cause
 * name and, when a SIP response ended it, the status code (which says more than the cause: a 403
 * from the phone server and a 603 from a person who declined are both "Rejected" to JsSIP).
 */
export function endCauseOf(input: {
  originator: 'local' | 'remote' | 'system' | string;
  cause: string | null | undefined;
  status: number | null | undefined;
  direction: 'inbound' | 'outbound';
  answered: boolean;
}): EndCause {
  const { originator, cause, status, direction, answered } = input;
  if (cause === 'Terminated' || (answered && (cause === 'Canceled' || cause === null || cause === undefined))) {
    return originator === 'local' ? 'hangup-local' : 'hangup-remote';
  }
  if (cause === 'Canceled') return direction === 'inbound' ? (originator === 'local' ? 'rejected' : 'missed') : 'cancelled';
  if (cause === 'No Answer') return direction === 'inbound' ? 'missed' : 'no-answer';
  if (cause === 'Connection Error') return 'connection-lost';
  if (cause === 'RTP Timeout') return 'media-lost';
  if (cause === 'User Denied Media Access') return 'microphone-unavailable';
  if (direction === 'inbound' && originator === 'local' && (cause === 'Rejected' || cause === 'Busy')) return 'rejected';
  if (status !== null && status !== undefined) {
    if (status === 486 || status === 600 || status === 603) return 'busy';
    if (status === 403 || status === 401 || status === 407) return 'forbidden';
    if (status === 404 || status === 604 || status === 484) return 'not-found';
    if (status === 408) return 'no-answer';
    if (status === 480 || status === 410 || status === 430 || status === 503) return 'unavailable';
    if (status === 487) return direction === 'inbound' ? 'missed' : 'cancelled';
  }
  if (cause === 'Busy' || cause === 'Rejected') return 'busy';
  if (cause === 'Not Found' || cause === 'Address Incomplete') return 'not-found';
  if (cause === 'Unavailable') return 'unavailable';
  if (cause === 'Request Timeout') return 'no-answer';
  if (cause === 'Authentication Error') return 'forbidden';
  return 'failed';
}
