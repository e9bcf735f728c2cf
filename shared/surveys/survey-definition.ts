import { z } from 'zod';

/**
 * A post-call survey as data: its questions and every text the customer reads, per survey
 * language. The standard one is in standard-survey.ts; a floor may later store its own in the
 * same shape. The server renders it (server/surveys/) and parses answers with `answerSchema`.
 */

export const SURVEY_LANGUAGES = ['en', 'fil', 'pt-BR'] as const;
export const SurveyLanguage = z.enum(SURVEY_LANGUAGES);
export type SurveyLanguage = z.infer<typeof SurveyLanguage>;

/** One text in every survey language. */
export const SurveyText = z.object({ en: z.string().min(1).max(1_000), fil: z.string().min(1).max(1_000), 'pt-BR': z.string().min(1).max(1_000) }).strict();
export type SurveyText = z.output<typeof SurveyText>;

const QuestionId = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);

/**
 * A question. `measures` says what the answer becomes on the customer's timeline: `csat` (1–5),
 * `nps` (0–10) or `comment` (the interaction's text); a floor's own questions may measure nothing.
 */
export const ScaleQuestion = z
  .object({
    id: QuestionId,
    kind: z.literal('scale'),
    measures: z.enum(['csat', 'nps']).nullable(),
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(10),
    required: z.boolean(),
    text: SurveyText,
    /** What the lowest and highest choices mean, shown beside them. */
    lowLabel: SurveyText,
    highLabel: SurveyText,
  })
  .strict()
  .refine((q) => q.max > q.min, { message: 'max must be above min' })
  .refine((q) => q.measures !== 'csat' || (q.min === 1 && q.max === 5), { message: 'csat is 1 to 5' })
  .refine((q) => q.measures !== 'nps' || (q.min === 0 && q.max === 10), { message: 'nps is 0 to 10' });

export const TextQuestion = z
  .object({
    id: QuestionId,
    kind: z.literal('text'),
    measures: z.literal('comment').nullable(),
    maxLength: z.number().int().min(1).max(4_000),
    required: z.boolean(),
    text: SurveyText,
    hint: SurveyText.optional(),
  })
  .strict();

export const SurveyQuestion = z.union([ScaleQuestion, TextQuestion]);
export type SurveyQuestion = z.output<typeof SurveyQuestion>;

/** The texts around the questions: the form, the thank-you page and the refusals. */
export const SurveyPageTexts = z
  .object({
    title: SurveyText,
    intro: SurveyText,
    submit: SurveyText,
    required: SurveyText,
    fixErrors: SurveyText,
    thanksTitle: SurveyText,
    thanks: SurveyText,
    answeredTitle: SurveyText,
    answered: SurveyText,
    expiredTitle: SurveyText,
    expired: SurveyText,
    invalidTitle: SurveyText,
    invalid: SurveyText,
  })
  .strict();
export type SurveyPageTexts = z.output<typeof SurveyPageTexts>;

export const SurveyDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    version: z.number().int().min(1),
    questions: z.array(SurveyQuestion).min(1).max(20),
    texts: SurveyPageTexts,
  })
  .strict()
  .refine((s) => new Set(s.questions.map((q) => q.id)).size === s.questions.length, { message: 'question ids must be unique' })
  .refine((s) => (['csat', 'nps', 'comment'] as const).every((m) => s.questions.filter((q) => q.measures === m).length <= 1), {
    message: 'at most one question measures csat, nps or comment',
  });
export type SurveyDefinition = z.output<typeof SurveyDefinition>;

/**
 * The survey language for a customer's language tag: `fil` or `tl` → fil, any Portuguese → pt-BR,
 * anything else (or none) → en.
 */
export function surveyLanguageOf(tag: string | null | undefined): SurveyLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  if (primary === 'fil' || primary === 'tl') return 'fil';
  if (primary === 'pt') return 'pt-BR';
  return 'en';
}

/** The best survey language for an Accept-Language header (a page for a link nobody can read). */
export function surveyLanguageOfHeader(header: string | undefined): SurveyLanguage {
  const tags = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1 };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const language = surveyLanguageOf(tag);
    if (language !== 'en' || tag.toLowerCase().startsWith('en')) return language;
  }
  return 'en';
}

/** One answer: every question's value by id (null when left out). */
export type SurveyAnswer = Record<string, number | string | null>;

/** What the answer means for the timeline and the figures. */
export interface SurveyMeasures {
  csat: number | null;
  nps: number | null;
  comment: string;
}

/**
 * The schema of a submitted form (strings, as a browser posts them) for this survey: scales are
 * whole numbers in range, text is trimmed and capped, required questions must be there, and no
 * other field is accepted.
 */
export function answerSchema(survey: SurveyDefinition): z.ZodType<SurveyAnswer> {
  const shape: Record<string, z.ZodType<number | string | null>> = {};
  for (const question of survey.questions) {
    if (question.kind === 'scale') {
      const value = z
        .string()
        .regex(/^\d{1,2}$/)
        .transform(Number)
        .pipe(z.number().int().min(question.min).max(question.max));
      shape[question.id] = question.required ? value : z.preprocess((v) => (v === '' ? undefined : v), value.optional()).transform((v) => v ?? null);
    } else {
      const text = z.string().trim().max(question.maxLength);
      shape[question.id] = question.required ? text.min(1) : text.optional().transform((v) => v ?? '');
    }
  }
  return z.object(shape).strict() as unknown as z.ZodType<SurveyAnswer>;
}

export function measuresOf(survey: SurveyDefinition, answer: SurveyAnswer): SurveyMeasures {
  const valueOf = (measure: 'csat' | 'nps' | 'comment') => {
    const question = survey.questions.find((q) => q.measures === measure);
    return question ? (answer[question.id] ?? null) : null;
  };
  const csat = valueOf('csat');
  const nps = valueOf('nps');
  const comment = valueOf('comment');
  return {
    csat: typeof csat === 'number' ? csat : null,
    nps: typeof nps === 'number' ? nps : null,
    comment: typeof comment === 'string' ? comment : '',
  };
}
