import { describe, expect, it } from 'vitest';
import { STANDARD_SURVEY } from '../../../shared/surveys/standard-survey';
import {
  answerSchema,
  measuresOf,
  SURVEY_LANGUAGES,
  SurveyDefinition,
  surveyLanguageOf,
  surveyLanguageOfHeader,
} from '../../../shared/surveys/survey-definition';

describe('the standard post-call survey', () => {
  it('asks satisfaction 1–5, recommendation 0–10 and one free-text question, in every language', () => {
    expect(STANDARD_SURVEY.questions.map((q) => [q.id, q.measures])).toEqual([
      ['satisfaction', 'csat'],
      ['recommend', 'nps'],
      ['comment', 'comment'],
    ]);
    for (const question of STANDARD_SURVEY.questions) for (const language of SURVEY_LANGUAGES) expect(question.text[language].length).toBeGreaterThan(10);
    expect(STANDARD_SURVEY.texts.title.fil).toMatch(/po/);
    expect(STANDARD_SURVEY.texts.title['pt-BR']).toBe('Como foi o seu atendimento?');
  });

  it('is data a floor could replace: a definition with a csat question outside 1–5 is refused', () => {
    const broken = structuredClone(STANDARD_SURVEY) as { questions: { max?: number }[] };
    broken.questions[0]!.max = 7;
    expect(SurveyDefinition.safeParse(broken).success).toBe(false);
  });

  it('picks the survey language from the customer language', () => {
    expect(surveyLanguageOf('pt-BR')).toBe('pt-BR');
    expect(surveyLanguageOf('pt')).toBe('pt-BR');
    expect(surveyLanguageOf('fil')).toBe('fil');
    expect(surveyLanguageOf('tl-PH')).toBe('fil');
    expect(surveyLanguageOf('es')).toBe('en');
    expect(surveyLanguageOf(null)).toBe('en');
    expect(surveyLanguageOfHeader('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt-BR');
    expect(surveyLanguageOfHeader('en-US,fil;q=0.5')).toBe('en');
    expect(surveyLanguageOfHeader('de,fil;q=0.5')).toBe('fil');
    expect(surveyLanguageOfHeader(undefined)).toBe('en');
  });
});

describe('parsing a submitted form', () => {
  const schema = answerSchema(STANDARD_SURVEY);

  it('takes whole numbers in range and a trimmed comment, and says what they measure', () => {
    const answer = schema.parse({ satisfaction: '4', recommend: '10', comment: '  Ang bilis ng tulong!  ' });
    expect(answer).toEqual({ satisfaction: 4, recommend: 10, comment: 'Ang bilis ng tulong!' });
    expect(measuresOf(STANDARD_SURVEY, answer)).toEqual({ csat: 4, nps: 10, comment: 'Ang bilis ng tulong!' });
    expect(schema.parse({ satisfaction: '1', recommend: '0' })).toEqual({ satisfaction: 1, recommend: 0, comment: '' });
  });

  it('refuses out-of-range, non-numeric, missing, repeated and unknown fields', () => {
    for (const bad of [
      { satisfaction: '6', recommend: '5' },
      { satisfaction: '0', recommend: '5' },
      { satisfaction: '3', recommend: '11' },
      { satisfaction: '3.5', recommend: '5' },
      { satisfaction: 'x', recommend: '5' },
      { recommend: '5' },
      { satisfaction: ['3', '4'], recommend: '5' },
      { satisfaction: '3', recommend: '5', agentId: 'someone' },
      { satisfaction: '3', recommend: '5', comment: 'x'.repeat(2_001) },
    ]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
  });
});
