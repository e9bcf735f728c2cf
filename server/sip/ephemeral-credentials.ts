import { createHmac } from 'node:crypto';

/**
 * SIP credentials that expire: the user name carries its own expiry and the password is an HMAC
 * of that name under a secret shared with the SIP server (Kamailio's auth_ephemeral with
 * username_format 1 and sha_algorithm 0), so the SIP server needs no user database and no SIP
 * password ever has to live on an agent's machine.
 */
export interface SipCredentials {
  /** "<expiry unix seconds>:<user>", what JsSIP calls authorization_user. */
  authorizationUser: string;
  /** base64(HMAC-SHA1(secret, authorizationUser)). */
  password: string;
  /** When the SIP server stops accepting the credential. */
  expiresAt: Date;
}

export interface SipCredentialRequest {
  secret: string;
  /** The SIP user part, e.g. "alice" for sip:alice@kalma.local. */
  user: string;
  /** How long the credential is valid, in whole seconds. */
  ttlSeconds: number;
  /** Defaults to the current time; tests pass a fixed one (one in the past mints an expired credential). */
  now?: Date;
}

export function sipCredentials({ secret, user, ttlSeconds, now = new Date() }: SipCredentialRequest): SipCredentials {
  if (secret.length === 0) throw new Error('sipCredentials: empty secret');
  // A colon would make the "<expiry>:<user>" name ambiguous; "@" and spaces are not SIP user parts.
  if (!/^[A-Za-z0-9._~+-]+$/.test(user)) throw new Error(`sipCredentials: "${user}" is not a SIP user part`);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new Error('sipCredentials: ttlSeconds must be a positive whole number');
  }
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const authorizationUser = `${expiry}:${user}`;
  const password = createHmac('sha1', secret).update(authorizationUser).digest('base64');
  return { authorizationUser, password, expiresAt: new Date(expiry * 1000) };
}
