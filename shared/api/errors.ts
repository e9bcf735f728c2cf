import { z } from 'zod';

/**
 * The `error.code` values the central server sends (body shape: ApiError in ./auth). A client
 * branches on the code, never on the message, which is written for people and may be reworded.
 */
export const ApiErrorCode = z.enum([
  /** 401 on login: wrong username, wrong password or disabled account — deliberately the same. */
  'INVALID_CREDENTIALS',
  /** 401 elsewhere: no token, or one that is unknown, expired or revoked. */
  'UNAUTHENTICATED',
  /** 403: signed in, but the role may not do this. */
  'FORBIDDEN',
  /** 400: the body is not JSON, has unknown fields or wrong types (see `issues`). */
  'INVALID_INPUT',
  /** 413: the body is larger than MAX_BODY_BYTES. */
  'PAYLOAD_TOO_LARGE',
  /** 415: the body is not sent as application/json. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** 404: no such route or record. */
  'NOT_FOUND',
  /** 409: e.g. the username is taken. */
  'CONFLICT',
  /** 429: too many failed sign-ins; see Retry-After. */
  'RATE_LIMITED',
  /** 503 on SIP provisioning: this server has no phone system configured (not a fault). */
  'SIP_NOT_CONFIGURED',
  /** 503: the database cannot be reached. */
  'UNAVAILABLE',
  /** 500: a fault on the server; details are in the server log only. */
  'INTERNAL',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;
