import { z } from 'zod';
import { SurveyLanguage } from '../surveys/survey-definition';

/**
 * Post-call surveys (server/surveys/).
 *
 * GET  /s/:token                    → the survey page (public HTML, the customer's language)
 * POST /s/:token                    → stores the one answer (form post), thank-you page
 * GET  API_SURVEYS.outbox?format=   → admin: invitations waiting to be sent, marked exported (csv or json)
 */
export const API_SURVEYS = {
  page: '/s/:token',
  outbox: '/api/v1/surveys/outbox',
} as const;

export const SurveyOutboxQuery = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();

export const SurveyOutboxEntry = z.object({
  invitationId: z.string(),
  customerId: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  language: SurveyLanguage,
  link: z.url(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type SurveyOutboxEntry = z.output<typeof SurveyOutboxEntry>;

export const SurveyOutbox = z.object({ invitations: z.array(SurveyOutboxEntry) });
export type SurveyOutbox = z.output<typeof SurveyOutbox>;
