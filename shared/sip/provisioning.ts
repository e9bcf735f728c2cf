import { z } from 'zod';

/**
 * What the central server hands a console after sign-in so its phone can register: where the SIP
 * server is, who the console is, and an ephemeral credential (see server/sip/ephemeral-credentials.ts).
 * The console re-fetches before `expiresAt`; nothing here is stored on disk.
 */

/** "sip:alice@kalma.local" — the console's address of record. */
export const SipUri = z
  .string()
  .regex(/^sips?:[A-Za-z0-9._~+-]+@[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a SIP address like sip:alice@kalma.local');

/** ws:// or wss:// URL of the SIP server's WebSocket. */
export const SipWebSocketUrl = z.string().regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/, 'a ws:// or wss:// URL');

/** One RTCIceServer, as RTCPeerConnection takes it (TURN credentials may be ephemeral too). */
export const IceServer = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

export const SipProvisioning = z.object({
  uri: SipUri,
  wsServers: z.array(SipWebSocketUrl).min(1),
  /** "<expiry unix seconds>:<user>" */
  authorizationUser: z.string().regex(/^\d+:[A-Za-z0-9._~+-]+$/, '"<expiry>:<user>"'),
  password: z.string().min(1),
  /** ISO 8601 instant the credential stops working. */
  expiresAt: z.iso.datetime(),
  iceServers: z.array(IceServer),
});
export type SipProvisioning = z.infer<typeof SipProvisioning>;
