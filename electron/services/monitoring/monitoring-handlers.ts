import { ContractFailure } from '../../../shared/contract/core';
import type { GrantCheck, TakeOverCheck } from '../../../shared/contract/monitoring';
import { checkGrant, isExpired, type GrantRefusal, type MonitoringGrant } from '../../../shared/monitoring/grant';
import type { MonitoringEvent } from '../../../shared/monitoring/monitoring-event';
import type { GrantRequest, GrantResponse, MonitoringAuditEntry, TakeOverResponse } from '../../../shared/api/monitoring';
import type { HandlerRegistry } from '../contract/registry';
import type { CustomerDataService } from '../sync/customer-data-service';
import { readGrantToken, readTakeOverToken } from './grant-verifier';
import type { MonitoringKeys } from './monitoring-keys';

export interface MonitoringHandlerDeps {
  data: CustomerDataService;
  keys: MonitoringKeys;
  requestGrant(body: GrantRequest): Promise<GrantResponse>;
  audit(limit: number): Promise<MonitoringAuditEntry[]>;
  requestTakeOver(grantId: string): Promise<TakeOverResponse>;
  now?: () => Date;
}

/**
 * Monitoring on the host. For supervisors it forwards the grant request. For agents it is the
 * gate in front of the phone: a monitoring INVITE is answered only when this says the grant holds,
 * and what happened goes to the audit through the outbox, refusals included.
 */
export function registerMonitoringHandlers(registry: HandlerRegistry, deps: MonitoringHandlerDeps): void {
  const now = deps.now ?? (() => new Date());
  /** Grants that opened a leg on this console: each opens one. */
  const used = new Map<string, MonitoringGrant>();

  const audit = (event: Omit<MonitoringEvent, 'at'>) => {
    const { cache, sync } = deps.data.require();
    cache.queueMonitoringEvent({ at: now().toISOString(), ...event });
    sync.afterLocalWrite();
  };

  registry
    .handle('monitoring.requestGrant', (input) => deps.requestGrant(input))
    .handle('monitoring.audit', ({ limit }) => deps.audit(limit))
    .handle('monitoring.verifyGrant', async ({ token, mode, liveCallIds }): Promise<GrantCheck> => {
      const { user } = deps.data.require();
      const reading = await deps.keys.readFresh((keys) => readGrantToken(token, keys));
      const refusal: GrantRefusal | null = !reading.ok
        ? reading.refusal
        : used.has(reading.grant.id)
          ? 'already-used'
          : checkGrant(reading.grant, { now: now(), agentId: user.id, liveCallIds, mode });
      const grant = reading.ok ? reading.grant : null;
      // Only a signed grant's claims are worth keeping; a forged one's names are the forger's words.
      const about = grant ? { grantId: grant.id, supervisorId: grant.supervisorId, callId: grant.callId } : {};
      if (refusal !== null || grant === null) {
        audit({ event: 'refused', refusal: refusal ?? 'malformed', mode, ...about });
        return { ok: false, refusal: refusal ?? 'malformed' };
      }
      used.set(grant.id, grant);
      audit({ event: 'answered', mode, ...about });
      return { ok: true, grant };
    })
    .handle('monitoring.requestTakeOver', ({ grantId }) => deps.requestTakeOver(grantId))
    .handle('monitoring.verifyTakeOver', async ({ token, grantId }): Promise<TakeOverCheck> => {
      const { user } = deps.data.require();
      const grant = used.get(grantId);
      const reading = await deps.keys.readFresh((keys) => readTakeOverToken(token, keys));
      const refusal: GrantRefusal | null = !reading.ok
        ? reading.refusal
        : !grant || reading.value.grantId !== grantId || reading.value.supervisorId !== grant.supervisorId
          ? 'other-grant'
          : reading.value.agentId !== user.id
            ? 'other-agent'
            : reading.value.callId !== grant.callId
              ? 'other-call'
              : isExpired(reading.value.expiresAt, now())
                ? 'expired'
                : null;
      if (refusal !== null || !reading.ok) {
        audit({ event: 'refused', refusal: refusal ?? 'malformed', ...(grant ? { grantId, supervisorId: grant.supervisorId, callId: grant.callId } : {}) });
        return { ok: false, refusal: refusal ?? 'malformed' };
      }
      return { ok: true, order: reading.value };
    })
    .handle('monitoring.report', ({ grantId, event, mode }) => {
      const grant = used.get(grantId);
      if (!grant) throw new ContractFailure('NOT_FOUND', 'No monitoring leg with that grant was answered on this console.');
      audit({ event, mode, grantId, supervisorId: grant.supervisorId, callId: grant.callId });
      return null;
    });
}
