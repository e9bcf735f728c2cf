import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { API_SCHEDULES, SaveTeamWeek, type MyShift, type TeamWeek } from '../../shared/api/schedules';
import type { User } from '../../shared/domain/user';
import { shiftOn } from '../../shared/schedules/shift';
import { localDateAt } from '../../shared/schedules/shift-time';
import { ANY_ROLE, requireRole, sessionOf } from '../auth/require-role';
import type { Db } from '../db/db';
import { HttpError, parseBody } from '../http/errors';
import { currentShift } from './attendance';
import { DEFAULT_TIME_ZONE, readTeamName, readTeamWeek, saveTeamWeek, schedulesOf, teamAgents } from './schedule-store';

const TeamParams = z.object({ teamId: z.string().min(1).max(64) }).strict();
const TEAM_ROUTE = '/api/v1/schedules/teams/:teamId';

/** A supervisor of the team, or a director. */
function requireTeamSupervisor(user: User, teamId: string): void {
  if (user.role === 'supervisor' && (user.approvalLevel === 'director' || user.teams.some((team) => team.id === teamId))) return;
  throw new HttpError(403, 'FORBIDDEN', "Only the team's supervisors may read or change its schedule.");
}

/** The schedules API (shared/api/schedules.ts). */
export function registerScheduleRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  const supervisors = { access: requireRole('supervisor') };

  const teamOf = async (request: FastifyRequest): Promise<{ id: string; name: string }> => {
    const { teamId } = parseBody(TeamParams, request.params);
    requireTeamSupervisor(sessionOf(request).user, teamId);
    const name = await readTeamName(db, teamId);
    if (name === null) throw new HttpError(404, 'NOT_FOUND', 'There is no team with that id.');
    return { id: teamId, name };
  };

  app.get(TEAM_ROUTE, { config: supervisors }, async (request, reply): Promise<TeamWeek> => {
    const team = await teamOf(request);
    reply.header('cache-control', 'no-store');
    return readTeamWeek(db, team);
  });

  app.put(TEAM_ROUTE, { config: supervisors }, async (request): Promise<TeamWeek> => {
    const team = await teamOf(request);
    const body = parseBody(SaveTeamWeek, request.body);
    const members = new Set((await teamAgents(db, team.id)).map((agent) => agent.id));
    const stranger = body.agents.find((agent) => !members.has(agent.agentId));
    if (stranger) throw new HttpError(400, 'INVALID_INPUT', `Invalid request: ${stranger.agentId} is not an agent of this team.`);
    if (new Set(body.agents.map((agent) => agent.agentId)).size !== body.agents.length) {
      throw new HttpError(400, 'INVALID_INPUT', 'Invalid request: an agent is listed twice.');
    }
    await db.transaction((tx) => saveTeamWeek(tx, team.id, sessionOf(request).user.id, body));
    return readTeamWeek(db, team);
  });

  app.get(API_SCHEDULES.myShift, { config: { access: ANY_ROLE } }, async (request, reply): Promise<MyShift> => {
    const me = sessionOf(request).user;
    const now = Date.now();
    const found = (await schedulesOf(db, [me.id])).get(me.id);
    reply.header('cache-control', 'no-store');
    const timeZone = found?.timeZone ?? DEFAULT_TIME_ZONE;
    const shift = found ? currentShift(found.schedule, timeZone, now) : null;
    if (!found || !shift) return { date: localDateAt(now, timeZone), timeZone, shift: null, start: null, end: null, pauses: [] };
    const iso = (at: number) => new Date(at).toISOString();
    return {
      date: shift.date,
      timeZone,
      shift: shiftOn(found.schedule, shift.date),
      start: iso(shift.start),
      end: iso(shift.end),
      pauses: shift.pauses.map((pause) => ({ kind: pause.kind, start: iso(pause.start), end: iso(pause.end) })),
    };
  });
}
