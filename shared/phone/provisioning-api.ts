import { z } from 'zod';
import { SipProvisioning } from '../sip/provisioning';

/**
 * The central server's SIP provisioning endpoint (server/sip/routes.ts): any signed-in person,
 * `Authorization: Bearer <token>`, answers SipProvisioning. A server without a SIP server
 * configured answers 503 with `error.code` SIP_NOT_CONFIGURED, which the console shows as
 * "phone not configured" rather than as an outage.
 */
export const SIP_API = { provisioning: '/api/v1/sip/provisioning' } as const;

export const SIP_NOT_CONFIGURED = 'SIP_NOT_CONFIGURED';

/** What the console gets from the host: a phone identity, or a clear "no phone on this server". */
export const PhoneProvisioning = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), provisioning: SipProvisioning }),
  z.object({ status: z.literal('not-configured') }),
]);
export type PhoneProvisioning = z.infer<typeof PhoneProvisioning>;

/** How long a provisioned credential stays valid; the console refreshes well before the end. */
export const SIP_CREDENTIAL_TTL_SECONDS = 8 * 60 * 60;
