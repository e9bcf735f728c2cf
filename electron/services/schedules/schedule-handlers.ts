import { API_SCHEDULES, MyShift, TeamWeek } from '../../../shared/api/schedules';
import type { CentralClient } from '../central-client';
import type { HandlerRegistry } from '../contract/registry';

/**
 * Schedules on the host: the server's API forwarded with the signed-in person's token. Nothing is
 * cached: a schedule is read when a screen opens, and the server decides who may read or write it.
 */
export function registerScheduleHandlers(registry: HandlerRegistry, client: CentralClient, withToken: <T>(fn: (token: string) => Promise<T>) => Promise<T>): void {
  registry
    .handle('schedules.teamWeek', ({ teamId }) => withToken((token) => client.api('GET', API_SCHEDULES.team(teamId), { token, schema: TeamWeek })))
    .handle('schedules.saveTeamWeek', ({ teamId, week }) =>
      withToken((token) => client.api('PUT', API_SCHEDULES.team(teamId), { token, body: week, schema: TeamWeek })),
    )
    .handle('schedules.myShift', () => withToken((token) => client.api('GET', API_SCHEDULES.myShift, { token, schema: MyShift })));
}
