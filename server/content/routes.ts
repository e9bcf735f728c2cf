import type { FastifyInstance } from 'fastify';
import { API_CONTENT, MAX_DISPOSITIONS, type WrapUpSetup } from '../../shared/api/content';
import type { WrapUpRules } from '../../shared/domain/wrap-up';
import { DispositionCode } from '../../shared/domain/disposition';
import { ANY_ROLE } from '../auth/require-role';
import type { Db } from '../db/db';

interface DispositionRow {
  code: string;
  labels: Record<string, string>;
  category: string | null;
  requires_callback: boolean;
  sort_order: number;
}

/** GET /api/v1/wrap-up: the active disposition codes in picker order, and the floor's wrap-up rules. */
export function registerContentRoutes(app: FastifyInstance, { db, wrapUpRules }: { db: Db; wrapUpRules: WrapUpRules }): void {
  app.get(API_CONTENT.wrapUp, { config: { access: ANY_ROLE } }, async (request): Promise<WrapUpSetup> => {
    const { rows } = await db.query<DispositionRow>(
      `SELECT code, labels, category, requires_callback, sort_order FROM disposition_codes
       WHERE active AND NOT deleted ORDER BY sort_order, code LIMIT ${MAX_DISPOSITIONS}`,
    );
    const dispositions: WrapUpSetup['dispositions'] = [];
    for (const row of rows) {
      // A code an admin stored badly is left out and logged; it must not cost every agent the list.
      const parsed = DispositionCode.safeParse({
        code: row.code,
        labels: row.labels,
        category: row.category,
        requiresCallback: row.requires_callback,
        sortOrder: row.sort_order,
      });
      if (parsed.success) dispositions.push(parsed.data);
      else request.log.warn({ code: row.code, issues: parsed.error.issues }, 'disposition code left out: not valid');
    }
    return { dispositions, rules: wrapUpRules };
  });
}
