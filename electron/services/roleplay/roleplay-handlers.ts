import { ContractFailure } from '../../../shared/contract/core';
import type { TicketCheck } from '../../../shared/contract/roleplay';
import type { Scenario } from '../../../shared/roleplay/scenario';
import { checkTicket } from '../../../shared/roleplay/session-ticket';
import type { HandlerRegistry } from '../contract/registry';
import type { HostLogger } from '../host-log';
import { readRolePlayTicket } from '../monitoring/grant-verifier';
import type { MonitoringKeys } from '../monitoring/monitoring-keys';
import type { SessionService } from '../session-service';
import type { LocalRecordings } from './recordings';
import type { RolePlayClient } from './roleplay-client';

export interface RolePlayHandlerDeps {
  api: RolePlayClient;
  session: SessionService;
  /** The server's signing keys: tickets are signed like monitoring grants. */
  keys: MonitoringKeys;
  recordings: LocalRecordings;
  log: HostLogger;
  now?: () => Date;
}

/**
 * Role-play on the host: the server's API forwarded, the ticket check that makes a call training
 * on the trainee's console, and the recording kept on this machine before it is sent.
 */
export function registerRolePlayHandlers(registry: HandlerRegistry, deps: RolePlayHandlerDeps): void {
  const now = deps.now ?? (() => new Date());
  const { api } = deps;

  const scenarioFor = async (id: string, version: number): Promise<Scenario | null> => {
    try {
      return (await api.scenarios()).find((scenario) => scenario.id === id && scenario.version === version) ?? null;
    } catch (error) {
      deps.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'role-play scenario not fetched; the call is still training');
      return null;
    }
  };

  registry
    .handle('roleplay.scenarios', () => api.scenarios())
    .handle('roleplay.saveScenario', (scenario) => api.saveScenario(scenario))
    .handle('roleplay.trainees', () => api.trainees())
    .handle('roleplay.start', (input) => api.start(input))
    .handle('roleplay.verifyTicket', async ({ token }): Promise<TicketCheck> => {
      const user = deps.session.current();
      if (!user) throw new ContractFailure('UNAUTHENTICATED', 'Sign in first.');
      const reading = await deps.keys.readFresh((keys) => readRolePlayTicket(token, keys));
      if (!reading.ok) {
        // A grant refusal a ticket cannot have (already-used, other-call…) reads as malformed.
        const refusal = reading.refusal === 'bad-signature' || reading.refusal === 'unknown-key' ? reading.refusal : 'malformed';
        return { ok: false, refusal };
      }
      const refusal = checkTicket(reading.value, { now: now(), userId: user.id });
      if (refusal) return { ok: false, refusal };
      return { ok: true, ticket: reading.value, scenario: await scenarioFor(reading.value.scenarioId, reading.value.scenarioVersion) };
    })
    .handle('roleplay.callEvent', ({ sessionId, event, at }) => api.callEvent(sessionId, { event, at }))
    .handle('roleplay.mark', ({ sessionId, mark }) => api.mark(sessionId, mark))
    .handle('roleplay.finish', ({ sessionId, feedback }) => api.finish(sessionId, feedback))
    .handle('roleplay.session', ({ sessionId }) => api.session(sessionId))
    .handle('roleplay.sessions', ({ traineeId }) => api.sessions(traineeId))
    .handle('roleplay.progress', () => api.progress())
    .handle('roleplay.saveRecording', async ({ sessionId, mimeType, audioBase64, durationMs }) => {
      const bytes = Buffer.from(audioBase64, 'base64');
      if (bytes.length === 0) throw new ContractFailure('INVALID_INPUT', 'The recording is empty.');
      // Kept here first: a server that is down loses nothing, and the caller can replay at once.
      deps.recordings.save(sessionId, mimeType, bytes);
      return api.uploadRecording(sessionId, { contentType: mimeType.split(';')[0] ?? 'audio/webm', bytes, durationMs });
    })
    .handle('roleplay.recording', async ({ sessionId }) => {
      const local = deps.recordings.read(sessionId);
      if (local) return { mimeType: local.mimeType, audioBase64: local.bytes.toString('base64') };
      const remote = await api.downloadRecording(sessionId);
      return { mimeType: remote.contentType, audioBase64: remote.bytes.toString('base64') };
    });
}
