import { randomUUID } from 'node:crypto';
import type { MonitoringAuditEntry } from '../../shared/api/monitoring';
import type { MonitorMode } from '../../shared/monitoring/grant';
import type { MonitoringEvent } from '../../shared/monitoring/monitoring-event';
import type { User } from '../../shared/domain/user';
import type { Queryable } from '../db/db';

export interface ServerAuditEntry {
  event: 'granted' | 'grant-refused' | 'take-over';
  supervisorId: string;
  agentId: string | null;
  grantId: string | null;
  callId: string;
  modes: MonitorMode[];
  detail: string | null;
}

/** The server's own decisions: a grant given or refused, a take-over ordered, at the server's time. */
export async function auditGrantDecision(q: Queryable, entry: ServerAuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO monitoring_audit (id, at, event, actor_id, supervisor_id, agent_id, grant_id, call_id, modes, detail)
     VALUES ($1, now(), $2, $3, $3, $4, $5, $6, $7, $8)`,
    [randomUUID(), entry.event, entry.supervisorId, entry.agentId, entry.grantId, entry.callId, entry.modes, entry.detail],
  );
}

/**
 * What an agent's console did with a grant, pushed through its outbox under the mutation's id (so
 * a retried push records it once). The agent is whoever is signed in on that console; the
 * supervisor is kept only when that account exists (the console read it from a token that may
 * have been forged).
 */
export async function recordMonitoringEvent(q: Queryable, agent: User, mutationId: string, event: MonitoringEvent): Promise<void> {
  await q.query(
    `INSERT INTO monitoring_audit (id, at, event, actor_id, supervisor_id, agent_id, grant_id, call_id, mode, detail)
     VALUES ($1, $2, $3, $4, (SELECT id FROM users WHERE id = $5), $4, $6, $7, $8, $9)
     ON CONFLICT (id) DO NOTHING`,
    [mutationId, event.at, event.event, agent.id, event.supervisorId ?? null, event.grantId ?? null, event.callId ?? null, event.mode ?? null, event.refusal ?? null],
  );
}

interface AuditRow {
  id: string;
  at: Date;
  event: MonitoringAuditEntry['event'];
  actor: string;
  supervisor: string | null;
  agent: string | null;
  grant_id: string | null;
  call_id: string | null;
  modes: MonitorMode[] | null;
  mode: MonitorMode | null;
  detail: string | null;
}

/** Newest first, with people's names as admins read them. */
export async function listMonitoringAudit(q: Queryable, limit: number): Promise<MonitoringAuditEntry[]> {
  const { rows } = await q.query<AuditRow>(
    `SELECT a.id, a.at, a.event, actor.display_name AS actor, sup.display_name AS supervisor, ag.display_name AS agent,
            a.grant_id, a.call_id, a.modes, a.mode, a.detail
       FROM monitoring_audit a
       JOIN users actor ON actor.id = a.actor_id
       LEFT JOIN users sup ON sup.id = a.supervisor_id
       LEFT JOIN users ag ON ag.id = a.agent_id
      ORDER BY a.at DESC, a.received_at DESC
      LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    event: row.event,
    actor: row.actor,
    supervisor: row.supervisor,
    agent: row.agent,
    grantId: row.grant_id,
    callId: row.call_id,
    modes: row.modes,
    mode: row.mode,
    detail: row.detail,
  }));
}

/** The grant this supervisor was given, as the audit kept it: whose call it was for. */
export async function grantedTo(q: Queryable, supervisorId: string, grantId: string): Promise<{ agentId: string; callId: string } | null> {
  const { rows } = await q.query<{ agent_id: string; call_id: string }>(
    `SELECT agent_id, call_id FROM monitoring_audit WHERE event = 'granted' AND grant_id = $1 AND supervisor_id = $2 LIMIT 1`,
    [grantId, supervisorId],
  );
  const row = rows[0];
  return row ? { agentId: row.agent_id, callId: row.call_id } : null;
}
