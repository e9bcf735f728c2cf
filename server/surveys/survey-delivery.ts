import type { FastifyBaseLogger } from 'fastify';
import type { SurveyLanguage } from '../../shared/surveys/survey-definition';
import type { Db, Queryable } from '../db/db';
import { linkSecret, signLink, surveyLink } from './link-token';

/**
 * Getting invitations to customers. Every invitation waits in survey_outbox. Without a webhook an
 * operator exports them (routes.ts) and sends them with whatever the floor uses; with one, the
 * dispatcher posts each to it after the push that made it has committed, retrying with backoff,
 * and leaves what it could not deliver to the export. The push never waits on any of this.
 */

/** What a sender is given for one invitation: who, how to reach them, in which language, the link. */
export interface SurveyDelivery {
  invitationId: string;
  customerId: string;
  phone: string | null;
  email: string | null;
  language: SurveyLanguage;
  link: string;
  expiresAt: string;
}

/** Delivers one invitation; throws when it could not (the dispatcher retries). */
export interface SurveySender {
  send(delivery: SurveyDelivery): Promise<void>;
}

export class WebhookSender implements SurveySender {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(delivery: SurveyDelivery): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(delivery),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // The body is not read beyond what is needed to free the connection.
    await response.body?.cancel().catch(() => {});
    if (!response.ok) throw new Error(`the survey webhook answered ${response.status}`);
  }
}

interface OutboxRow {
  invitation_id: string;
  customer_id: string;
  phone: string | null;
  email: string | null;
  language: SurveyLanguage;
  secret_id: string;
  expires_at: Date;
  attempts: number;
}

const OUTBOX_SELECT = `SELECT o.invitation_id, i.customer_id, o.phone, o.email, i.language, i.secret_id, i.expires_at, o.attempts
  FROM survey_outbox o JOIN survey_invitations i ON i.id = o.invitation_id`;

async function deliveryOf(q: Queryable, row: OutboxRow, publicUrl: string): Promise<SurveyDelivery> {
  const secret = await linkSecret(q, row.secret_id);
  if (!secret) throw new Error(`survey link secret ${row.secret_id} is missing`);
  return {
    invitationId: row.invitation_id,
    customerId: row.customer_id,
    phone: row.phone,
    email: row.email,
    language: row.language,
    link: surveyLink(publicUrl, signLink(row.invitation_id, secret.key)),
    expiresAt: row.expires_at.toISOString(),
  };
}

/**
 * The invitations not yet sent nor exported whose link still works, marked exported in the same
 * transaction: two operators exporting at once get disjoint lists.
 */
export async function exportOutbox(db: Db, publicUrl: string, limit = 5_000): Promise<SurveyDelivery[]> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<OutboxRow>(
      `${OUTBOX_SELECT}
        WHERE o.delivered_at IS NULL AND o.exported_at IS NULL AND i.answered_at IS NULL AND i.expires_at > now()
        ORDER BY o.created_at LIMIT $1 FOR UPDATE OF o SKIP LOCKED`,
      [limit],
    );
    if (rows.length === 0) return [];
    await tx.query('UPDATE survey_outbox SET exported_at = now() WHERE invitation_id = ANY($1::text[])', [rows.map((r) => r.invitation_id)]);
    const deliveries: SurveyDelivery[] = [];
    for (const row of rows) deliveries.push(await deliveryOf(tx, row, publicUrl));
    return deliveries;
  });
}

export interface DispatcherOptions {
  sender: SurveySender;
  publicUrl: () => string;
  maxAttempts: number;
  backoffMs: number;
  sweepMs: number;
  log: FastifyBaseLogger;
}

/** Posts due invitations through the sender; one sweep at a time per instance, rows leased so instances share. */
export class SurveyDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.poke(), this.options.sweepMs);
    this.timer.unref();
    this.poke();
  }

  /** Look for due invitations now (after a push that may have made one). */
  poke(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sweep()
      .catch((err: unknown) => this.options.log.error({ err }, 'survey delivery sweep failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async sweep(): Promise<void> {
    const { maxAttempts, backoffMs } = this.options;
    // Leased for a while before posting, so another instance's sweep skips them meanwhile.
    const { rows } = await this.db.query<OutboxRow>(
      `WITH due AS (
         SELECT invitation_id FROM survey_outbox
          WHERE delivered_at IS NULL AND exported_at IS NULL AND attempts < $1 AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)
       UPDATE survey_outbox o SET next_attempt_at = now() + interval '5 minutes'
         FROM due WHERE o.invitation_id = due.invitation_id
       RETURNING o.invitation_id`,
      [maxAttempts],
    );
    if (rows.length === 0) return;
    const { rows: due } = await this.db.query<OutboxRow>(`${OUTBOX_SELECT} WHERE o.invitation_id = ANY($1::text[])`, [rows.map((r) => r.invitation_id)]);
    for (const row of due) {
      if (this.closed) return;
      try {
        await this.options.sender.send(await deliveryOf(this.db, row, this.options.publicUrl()));
        await this.db.query('UPDATE survey_outbox SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE invitation_id = $1', [
          row.invitation_id,
        ]);
      } catch (err) {
        const attempts = row.attempts + 1;
        const message = err instanceof Error ? err.message : String(err);
        const givingUp = attempts >= maxAttempts;
        this.options.log.warn({ invitationId: row.invitation_id, attempts, givingUp, problem: message.slice(0, 300) }, 'survey invitation not delivered');
        await this.db.query(
          `UPDATE survey_outbox SET attempts = $2, last_error = $3, next_attempt_at = now() + $4::bigint * interval '1 millisecond' WHERE invitation_id = $1`,
          [row.invitation_id, attempts, message.slice(0, 1_000), backoffMs * 2 ** (attempts - 1)],
        );
      }
    }
  }
}
