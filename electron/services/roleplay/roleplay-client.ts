import { type z } from 'zod';
import {
  API_ROLEPLAY,
  ProgressResponse,
  RolePlaySession,
  ScenariosResponse,
  SessionsResponse,
  StartSessionResponse,
  TraineesResponse,
  type CallEventRequest,
  type MarkRequest,
  type StartSessionRequest,
} from '../../../shared/api/roleplay';
import { Scenario } from '../../../shared/roleplay/scenario';
import type { CentralClient } from '../central-client';

/** The central server's role-play API as the host calls it (shared/api/roleplay.ts). */
export function roleplayClient(client: CentralClient, withToken: <T>(fn: (token: string) => Promise<T>) => Promise<T>) {
  const get = <S extends z.ZodType>(path: string, schema: S) => withToken((token) => client.api('GET', path, { token, schema }));
  const post = <S extends z.ZodType>(path: string, body: unknown, schema: S) => withToken((token) => client.api('POST', path, { token, body, schema }));
  return {
    scenarios: async () => (await get(API_ROLEPLAY.scenarios, ScenariosResponse)).scenarios,
    saveScenario: (scenario: Scenario) => withToken((token) => client.api('PUT', API_ROLEPLAY.scenario(scenario.id), { token, body: scenario, schema: Scenario })),
    trainees: async () => (await get(API_ROLEPLAY.trainees, TraineesResponse)).trainees,
    start: (body: StartSessionRequest) => post(API_ROLEPLAY.sessions, body, StartSessionResponse),
    session: (id: string) => get(API_ROLEPLAY.session(id), RolePlaySession),
    sessions: async (traineeId?: string) =>
      (await get(`${API_ROLEPLAY.sessions}${traineeId ? `?traineeId=${encodeURIComponent(traineeId)}` : ''}`, SessionsResponse)).sessions,
    callEvent: (id: string, body: CallEventRequest) => post(API_ROLEPLAY.callEvent(id), body, RolePlaySession),
    mark: (id: string, body: MarkRequest) => post(API_ROLEPLAY.marks(id), body, RolePlaySession),
    finish: (id: string, feedback: string) => post(API_ROLEPLAY.finish(id), { feedback }, RolePlaySession),
    progress: () => get(API_ROLEPLAY.progress, ProgressResponse),
    uploadRecording: (id: string, audio: { contentType: string; bytes: Uint8Array; durationMs: number }) =>
      withToken((token) =>
        client.api('PUT', `${API_ROLEPLAY.recording(id)}?durationMs=${audio.durationMs}`, {
          token,
          schema: RolePlaySession,
          raw: { contentType: audio.contentType, bytes: audio.bytes },
        }),
      ),
    downloadRecording: (id: string) => withToken((token) => client.bytes(API_ROLEPLAY.recording(id), token)),
  };
}
export type RolePlayClient = ReturnType<typeof roleplayClient>;
