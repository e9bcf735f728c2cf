import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  API_ROLEPLAY,
  CallEventRequest,
  FinishRequest,
  MarkRequest,
  MAX_RECORDING_BYTES,
  RECORDING_CONTENT_TYPE,
  StartSessionRequest,
  type ProgressResponse,
  type RolePlaySession,
  type ScenariosResponse,
  type SessionsResponse,
  type StartSessionResponse,
  type TraineesResponse,
} from '../../shared/api/roleplay';
import { Scenario, ScenarioId } from '../../shared/roleplay/scenario';
import { progress, scoreSession } from '../../shared/roleplay/scoring';
import { ANY_ROLE, requireRole, sessionOf } from '../auth/require-role';
import type { Db } from '../db/db';
import { HttpError, parseBody } from '../http/errors';
import { monitoringSigner, type Signer } from '../monitoring/signing-keys';
import { listScope, requireCaller, requireRead, requireScore, requireTrainee } from './access';
import { listScenarios, saveScenario, scenarioVersion } from './scenario-store';
import { startSession, trainees, type SessionSettings } from './sessions';
import { appendMark, keepRecording, keepScore, listSessions, readRecording, readSession, recordCallEvent, scoredSessions, sessionFacts, SessionIdParams, type SessionFacts } from './session-store';

const TRAINERS = requireRole('trainer');
/** Who places training calls: trainers, and agents practising with a team-mate. */
const CALLERS = requireRole('trainer', 'agent');
/** Who reads training results; admins run the server, not the floor, and do not. */
const READERS = requireRole('agent', 'trainer', 'supervisor');

const BASE = API_ROLEPLAY.sessions;
const ROUTES = {
  scenario: `${API_ROLEPLAY.scenarios}/:id`,
  session: `${BASE}/:id`,
  callEvent: `${BASE}/:id/call`,
  marks: `${BASE}/:id/marks`,
  finish: `${BASE}/:id/finish`,
  recording: `${BASE}/:id/recording`,
} as const;

const ScenarioParams = z.object({ id: ScenarioId }).strict();
const SessionsQuery = z.object({ traineeId: z.string().min(1).max(64).optional() }).strict();
const RecordingQuery = z.object({ durationMs: z.coerce.number().int().min(0).max(24 * 3_600_000) }).strict();

/**
 * The role-play API (shared/api/roleplay.ts): scenarios for trainers to keep, training calls with a
 * signed ticket, marks and scores, the call's recording, and progress. Nothing here reads or writes
 * customers, interactions, call records or agent states: training never counts as real work.
 */
export async function registerRolePlayRoutes(app: FastifyInstance, { db, settings }: { db: Db; settings: SessionSettings }): Promise<void> {
  // The monitoring key: consoles already fetch it, and a ticket is checked exactly like a grant.
  let signer: Promise<Signer> | null = null;
  const currentSigner = () => (signer ??= monitoringSigner(db).catch((error: unknown) => {
    signer = null;
    throw error;
  }));
  const warnOf = (request: FastifyRequest) => (what: object, message: string) => request.log.warn(what, message);

  /** The session in the address, and that the person asking may at least read it. */
  const readable = async (request: FastifyRequest): Promise<SessionFacts> => {
    const { id } = parseBody(SessionIdParams, request.params);
    const facts = await sessionFacts(db, id);
    if (!facts) throw new HttpError(404, 'NOT_FOUND', 'There is no training session with that id.');
    requireRead(sessionOf(request).user, facts);
    return facts;
  };
  const current = async (id: string): Promise<RolePlaySession> => {
    const session = await readSession(db, id);
    if (!session) throw new HttpError(404, 'NOT_FOUND', 'There is no training session with that id.');
    return session;
  };

  app.get(API_ROLEPLAY.scenarios, { config: { access: ANY_ROLE } }, async (request): Promise<ScenariosResponse> => ({
    scenarios: await listScenarios(db, { drafts: sessionOf(request).user.role === 'trainer' }, warnOf(request)),
  }));

  app.put(ROUTES.scenario, { config: { access: TRAINERS } }, async (request): Promise<Scenario> => {
    const { id } = parseBody(ScenarioParams, request.params);
    const scenario = parseBody(Scenario, request.body);
    if (scenario.id !== id) {
      throw new HttpError(400, 'INVALID_INPUT', 'The scenario in the body is not the one in the address.', { issues: [{ path: 'id', message: 'Does not match the address.' }] });
    }
    const user = sessionOf(request).user;
    const saved = await saveScenario(db, scenario, user);
    request.log.info({ scenarioId: id, version: saved.version, status: saved.status, by: user.id }, 'role-play scenario saved');
    return saved;
  });

  app.get(API_ROLEPLAY.trainees, { config: { access: CALLERS } }, async (request): Promise<TraineesResponse> => ({
    trainees: await trainees(db, sessionOf(request).user),
  }));

  app.post(API_ROLEPLAY.sessions, { config: { access: CALLERS } }, async (request): Promise<StartSessionResponse> => {
    const body = parseBody(StartSessionRequest, request.body);
    const user = sessionOf(request).user;
    const started = await startSession(db, user, body, await currentSigner(), settings, warnOf(request));
    request.log.info({ sessionId: started.session.id, callerId: user.id, traineeId: body.traineeId, scenarioId: body.scenarioId, peer: started.session.peer }, 'role-play session started');
    return started;
  });

  app.get(API_ROLEPLAY.sessions, { config: { access: READERS } }, async (request): Promise<SessionsResponse> => {
    const { traineeId } = parseBody(SessionsQuery, request.query);
    return { sessions: await listSessions(db, listScope(sessionOf(request).user), traineeId !== undefined ? { traineeId } : {}) };
  });

  app.get(ROUTES.session, { config: { access: READERS } }, async (request): Promise<RolePlaySession> => current((await readable(request)).id));

  app.post(ROUTES.callEvent, { config: { access: CALLERS } }, async (request): Promise<RolePlaySession> => {
    const facts = await readable(request);
    requireCaller(sessionOf(request).user, facts);
    await recordCallEvent(db, facts.id, parseBody(CallEventRequest, request.body));
    return current(facts.id);
  });

  app.post(ROUTES.marks, { config: { access: TRAINERS } }, async (request): Promise<RolePlaySession> => {
    const facts = await readable(request);
    const user = sessionOf(request).user;
    requireScore(user, facts);
    const mark = parseBody(MarkRequest, request.body);
    if (facts.status === 'scored') throw new HttpError(409, 'CONFLICT', 'This session is already scored; its marks no longer change.');
    const scenario = await scenarioVersion(db, facts.scenarioId, facts.scenarioVersion);
    const criterion = scenario.rubric.find((c) => c.id === mark.criterionId);
    if (!criterion) {
      throw new HttpError(400, 'INVALID_INPUT', `The scenario's rubric has no criterion "${mark.criterionId}".`, { issues: [{ path: 'criterionId', message: 'Not in this scenario’s rubric.' }] });
    }
    if (!criterion.levels.some((level) => level.id === mark.levelId)) {
      throw new HttpError(400, 'INVALID_INPUT', `The criterion "${criterion.id}" has no level "${mark.levelId}".`, { issues: [{ path: 'levelId', message: 'Not a level of this criterion.' }] });
    }
    await appendMark(db, facts.id, mark, user.id);
    return current(facts.id);
  });

  app.post(ROUTES.finish, { config: { access: TRAINERS } }, async (request): Promise<RolePlaySession> => {
    const facts = await readable(request);
    const user = sessionOf(request).user;
    requireScore(user, facts);
    const { feedback } = parseBody(FinishRequest, request.body);
    const scenario = await scenarioVersion(db, facts.scenarioId, facts.scenarioVersion);
    const score = scoreSession(scenario, facts.marks);
    if (!(await keepScore(db, facts.id, { feedback, score, by: user.id }))) {
      throw new HttpError(409, 'CONFLICT', 'This session is already scored.');
    }
    request.log.info({ sessionId: facts.id, by: user.id, percent: score.percent, outcome: score.outcome }, 'role-play session scored');
    return current(facts.id);
  });

  // Audio, not JSON: its own parser and size limit, in a scope of its own so no other route takes audio.
  await app.register(async (scope) => {
    scope.addContentTypeParser(RECORDING_CONTENT_TYPE, { parseAs: 'buffer', bodyLimit: MAX_RECORDING_BYTES }, (_request, body, done) => done(null, body));
    scope.put(
      ROUTES.recording,
      {
        config: { access: CALLERS },
        bodyLimit: MAX_RECORDING_BYTES,
        // Before the body is read: a stranger or an oversized upload is refused without taking megabytes in.
        preParsing: async (request, _reply, payload) => {
          const length = Number(request.headers['content-length'] ?? 0);
          if (length > MAX_RECORDING_BYTES) {
            throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `The recording is larger than the ${MAX_RECORDING_BYTES / (1024 * 1024)} MiB a training session may keep.`);
          }
          const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
          if (type !== RECORDING_CONTENT_TYPE) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the recording as ${RECORDING_CONTENT_TYPE}.`);
          requireTrainee(sessionOf(request).user, await readable(request));
          return payload;
        },
      },
      async (request): Promise<RolePlaySession> => {
        const { id } = parseBody(SessionIdParams, request.params);
        const { durationMs } = parseBody(RecordingQuery, request.query);
        const audio = request.body;
        if (!Buffer.isBuffer(audio) || audio.length === 0) throw new HttpError(400, 'INVALID_INPUT', 'The recording is empty.');
        await keepRecording(db, id, audio, durationMs);
        request.log.info({ sessionId: id, bytes: audio.length, durationMs }, 'role-play recording kept');
        return current(id);
      },
    );
  });

  app.get(ROUTES.recording, { config: { access: READERS } }, async (request, reply) => {
    const facts = await readable(request);
    const audio = await readRecording(db, facts.id);
    if (!audio) throw new HttpError(404, 'NOT_FOUND', 'This training session has no recording.');
    return reply.type(RECORDING_CONTENT_TYPE).header('cache-control', 'private, no-store').send(audio);
  });

  app.get(API_ROLEPLAY.progress, { config: { access: READERS } }, async (request): Promise<ProgressResponse> => {
    const user = sessionOf(request).user;
    // An agent's progress is their own as trainee; peer sessions they played the customer in are not theirs to count.
    const sessions = await scoredSessions(db, listScope(user), user.role === 'agent' ? user.id : undefined);
    return progress(sessions);
  });
}
