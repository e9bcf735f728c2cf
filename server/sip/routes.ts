import type { FastifyInstance } from 'fastify';
import type { ApiError } from '../../shared/api/auth';
import { SIP_API, SIP_NOT_CONFIGURED } from '../../shared/phone/provisioning-api';
import type { IceServer, SipProvisioning } from '../../shared/sip/provisioning';
import { ANY_ROLE, sessionOf } from '../auth/require-role';
import type { SipConfig } from './config';
import { sipCredentials } from './ephemeral-credentials';

/**
 * GET /api/v1/sip/provisioning: the signed-in person's SIP identity and a fresh ephemeral
 * credential. Anyone signed in may ask (supervisors and trainers get phones too); a disabled
 * account has no session left and is refused by the access check before this runs. The
 * credential is signed with the secret the SIP server shares, so a disabled person's phone stops
 * working at the latest when the credential they hold expires.
 */
export function registerSipRoutes(app: FastifyInstance, { config }: { config: SipConfig | null }): void {
  app.get(SIP_API.provisioning, { config: { access: ANY_ROLE } }, async (request, reply) => {
    // A credential must not sit in a cache between here and the console.
    void reply.header('cache-control', 'no-store');
    if (!config) {
      const body: ApiError = {
        error: { code: SIP_NOT_CONFIGURED, message: 'This Kalma server has no phone system configured. Ask your administrator.' },
      };
      return reply.code(503).send(body);
    }
    const { user } = sessionOf(request);
    // SIP user parts are case-sensitive; usernames are not. One spelling everywhere.
    const sipUser = user.username.toLowerCase();
    const credential = sipCredentials({ secret: config.secret, user: sipUser, ttlSeconds: config.credentialTtlSeconds });
    const body: SipProvisioning = {
      uri: `sip:${sipUser}@${config.domain}`,
      wsServers: config.wsServers,
      authorizationUser: credential.authorizationUser,
      password: credential.password,
      expiresAt: credential.expiresAt.toISOString(),
      iceServers: [...config.iceServers, ...turnServers(config, sipUser)],
    };
    request.log.info({ userId: user.id, expiresAt: body.expiresAt }, 'sip credential issued');
    return body;
  });
}

/** coturn's use-auth-secret scheme is the same HMAC as Kamailio's: "<expiry>:<user>", base64 HMAC-SHA1. */
function turnServers(config: SipConfig, user: string): IceServer[] {
  if (!config.turn) return [];
  const credential = sipCredentials({ secret: config.turn.secret, user, ttlSeconds: config.credentialTtlSeconds });
  return [{ urls: config.turn.urls, username: credential.authorizationUser, credential: credential.password }];
}
