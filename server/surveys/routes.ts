import type { FastifyInstance, FastifyReply } from 'fastify';
import { API_SURVEYS, SurveyOutboxQuery, type SurveyOutbox } from '../../shared/api/surveys';
import { answerSchema, measuresOf, surveyLanguageOfHeader, type SurveyDefinition, type SurveyLanguage } from '../../shared/surveys/survey-definition';
import { STANDARD_SURVEY } from '../../shared/surveys/standard-survey';
import { PUBLIC, requireRole } from '../auth/require-role';
import type { Db } from '../db/db';
import { parseBody } from '../http/errors';
import { readLink, storeAnswer } from './answer-writer';
import { outboxCsv } from './outbox-csv';
import { exportOutbox } from './survey-delivery';
import { SURVEY_CSP, surveyForm, surveyNotice, type SurveyNotice } from './survey-page';

export interface SurveyRouteOptions {
  db: Db;
  /** Where links point: KALMA_PUBLIC_URL, or the server's own URL once it listens. */
  publicUrl: () => string;
}

/** The surveys a link may name; a floor's own would be read from the database here. */
function surveyOf(id: string): SurveyDefinition {
  if (id !== STANDARD_SURVEY.id) throw new Error(`survey ${id} is not known to this server`);
  return STANDARD_SURVEY;
}

const FORM_BODY_LIMIT = 16 * 1024;

/**
 * The public survey page and the operator's outbox export. The page routes log at warn only: the
 * URL carries the customer's one-time token, and request logs would keep it.
 */
export function registerSurveyRoutes(app: FastifyInstance, { db, publicUrl }: SurveyRouteOptions): void {
  void app.register(async (scope) => {
    // Form posts are parsed here only; every other route still takes JSON alone.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const before = fields[key];
        fields[key] = before === undefined ? value : ([] as string[]).concat(before, value);
      }
      done(null, fields);
    });

    const pageOptions = { config: { access: PUBLIC }, logLevel: 'warn' as const, bodyLimit: FORM_BODY_LIMIT };

    scope.get<{ Params: { token: string } }>(API_SURVEYS.page, pageOptions, async (request, reply) => {
      const link = await readLink(db, request.params.token);
      if (link.state === 'invalid') return sendNotice(reply, STANDARD_SURVEY, surveyLanguageOfHeader(request.headers['accept-language']), 'invalid');
      const survey = surveyOf(link.invitation.surveyId);
      if (link.state !== 'open') return sendNotice(reply, survey, link.invitation.language, link.state);
      return sendHtml(reply, 200, surveyForm(survey, link.invitation.language, request.params.token));
    });

    scope.post<{ Params: { token: string } }>(API_SURVEYS.page, pageOptions, async (request, reply) => {
      const link = await readLink(db, request.params.token);
      if (link.state === 'invalid') return sendNotice(reply, STANDARD_SURVEY, surveyLanguageOfHeader(request.headers['accept-language']), 'invalid');
      const survey = surveyOf(link.invitation.surveyId);
      const { language } = link.invitation;
      if (link.state !== 'open') return sendNotice(reply, survey, language, link.state);
      const fields = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
      const parsed = answerSchema(survey).safeParse(fields);
      if (!parsed.success) {
        const known = new Set(survey.questions.map((q) => q.id));
        const errors = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')).filter((id) => known.has(id)))];
        const values = Object.fromEntries(Object.entries(fields).filter(([key, value]) => known.has(key) && typeof value === 'string')) as Record<string, string>;
        // An unknown field only (a tampered form) still gets the form back, marked at the top.
        return sendHtml(reply, 400, surveyForm(survey, language, request.params.token, { values, errors: errors.length ? errors : ['_form'] }));
      }
      const outcome = await storeAnswer(db, link.invitation.id, parsed.data, measuresOf(survey, parsed.data));
      if (!outcome.stored) return sendNotice(reply, survey, language, outcome.state);
      return sendNotice(reply, survey, language, 'thanks');
    });
  });

  app.get(API_SURVEYS.outbox, { config: { access: requireRole('admin') } }, async (request, reply) => {
    const { format } = parseBody(SurveyOutboxQuery, request.query);
    const invitations = await exportOutbox(db, publicUrl());
    request.log.info({ exported: invitations.length, format }, 'survey outbox exported');
    reply.header('cache-control', 'no-store');
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="survey-invitations.csv"')
        .send(outboxCsv(invitations));
    }
    return { invitations } satisfies SurveyOutbox;
  });
}

const STATUS: Record<SurveyNotice, number> = { thanks: 200, answered: 410, expired: 410, invalid: 404 };

function sendNotice(reply: FastifyReply, survey: SurveyDefinition, language: SurveyLanguage, notice: SurveyNotice): FastifyReply {
  return sendHtml(reply, STATUS[notice], surveyNotice(survey.texts, language, notice));
}

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', SURVEY_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .send(html);
}
