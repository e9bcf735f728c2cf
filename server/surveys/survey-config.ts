import { z } from 'zod';

/**
 * Survey settings from the environment: where links point (`KALMA_PUBLIC_URL`, default the
 * server's own URL), how long a link lives (`KALMA_SURVEY_TTL_DAYS`, 7) and the webhook that
 * delivers invitations (`KALMA_SURVEY_WEBHOOK_URL`; without it the outbox waits for an export).
 */
export interface SurveyConfig {
  publicUrl: string | null;
  ttlDays: number;
  webhookUrl: string | null;
  /** Webhook tries per invitation before it is left to the export. */
  webhookMaxAttempts: number;
  /** First retry delay; it doubles with each failure. */
  webhookBackoffMs: number;
  /** How often the outbox is swept for deliveries due (also after every push that made one). */
  sweepMs: number;
}

export const DEFAULT_SURVEY_TTL_DAYS = 7;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const HttpUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

const SurveyEnv = z.object({
  KALMA_PUBLIC_URL: z.preprocess(blankToUndefined, HttpUrl.optional()),
  KALMA_SURVEY_TTL_DAYS: z.preprocess(blankToUndefined, z.coerce.number().min(0.001).max(365).optional()),
  KALMA_SURVEY_WEBHOOK_URL: z.preprocess(blankToUndefined, HttpUrl.optional()),
});

export function surveyConfigFromEnv(env: Record<string, string | undefined>, overrides: Partial<SurveyConfig> = {}): SurveyConfig {
  const parsed = SurveyEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
    throw new Error(`invalid survey configuration: ${problems}`);
  }
  return {
    publicUrl: parsed.data.KALMA_PUBLIC_URL ?? null,
    ttlDays: parsed.data.KALMA_SURVEY_TTL_DAYS ?? DEFAULT_SURVEY_TTL_DAYS,
    webhookUrl: parsed.data.KALMA_SURVEY_WEBHOOK_URL ?? null,
    webhookMaxAttempts: 6,
    webhookBackoffMs: 5_000,
    sweepMs: 30_000,
    // An override left undefined keeps what the environment says.
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  };
}
