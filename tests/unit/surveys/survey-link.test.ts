import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { invitationIdOf, macMatches, signLink } from '../../../server/surveys/link-token';
import { csvCell, outboxCsv } from '../../../server/surveys/outbox-csv';
import { SURVEY_CSP, surveyForm, surveyNotice } from '../../../server/surveys/survey-page';
import { STANDARD_SURVEY } from '../../../shared/surveys/standard-survey';

describe('survey link tokens', () => {
  const key = randomBytes(32);

  it('carry the invitation id and a mac only our secret makes, in 45 characters', () => {
    const id = randomUUID();
    const token = signLink(id, key);
    expect(token).toHaveLength(45);
    const parsed = invitationIdOf(token);
    expect(parsed?.id).toBe(id);
    expect(macMatches(id, parsed!.mac, key)).toBe(true);
    expect(macMatches(id, parsed!.mac, randomBytes(32))).toBe(false);
  });

  it('refuse a changed character, another id under the same mac, and anything not shaped like a token', () => {
    const id = randomUUID();
    const token = signLink(id, key);
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    const parsed = invitationIdOf(flipped);
    expect(parsed === null || !macMatches(parsed.id, parsed.mac, key)).toBe(true);
    const other = randomUUID();
    const swapped = `${signLink(other, key).split('.')[0]}.${token.split('.')[1]}`;
    const p2 = invitationIdOf(swapped)!;
    expect(macMatches(p2.id, p2.mac, key)).toBe(false);
    for (const bad of ['', 'abc', `${token}x`, token.replace('.', '-'), '../../etc/passwd']) expect(invitationIdOf(bad)).toBeNull();
  });
});

describe('the survey page', () => {
  it('is the customer language, mobile-sized, with fieldsets, legends and radio groups, and no script', () => {
    const html = surveyForm(STANDARD_SURVEY, 'fil', 'tok');
    expect(html).toContain('<html lang="fil">');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).toContain(STANDARD_SURVEY.questions[0]!.text.fil);
    expect(html.match(/<fieldset/g)).toHaveLength(3);
    expect(html.match(/type="radio" name="satisfaction"/g)).toHaveLength(5);
    expect(html.match(/type="radio" name="recommend"/g)).toHaveLength(11);
    expect(html).toContain('<form method="post" action="tok">');
    expect(html).not.toMatch(/<script|onclick|javascript:/i);
    expect(SURVEY_CSP).toMatch(/default-src 'none'/);
    expect(SURVEY_CSP).not.toMatch(/unsafe-inline|script-src/);
  });

  it('fills the form again after a refusal, escaped, and marks what is missing', () => {
    const html = surveyForm(STANDARD_SURVEY, 'pt-BR', 'tok', { values: { recommend: '9', comment: '<b>oi</b>' }, errors: ['satisfaction'] });
    expect(html).toContain('value="9" checked');
    expect(html).toContain('&#60;b&#62;oi&#60;/b&#62;');
    expect(html).toContain(STANDARD_SURVEY.texts.required['pt-BR']);
    expect(html).toContain('role="alert"');
  });

  it('says thank you, or why the link no longer works, in the language given', () => {
    expect(surveyNotice(STANDARD_SURVEY.texts, 'pt-BR', 'expired')).toContain('Este link expirou');
    expect(surveyNotice(STANDARD_SURVEY.texts, 'fil', 'thanks')).toContain('Maraming salamat po!');
  });
});

describe('the outbox export as CSV', () => {
  it('quotes every cell, keeps phone numbers, and defuses spreadsheet formulas', () => {
    expect(csvCell('+63 917 123 4567')).toBe('"+63 917 123 4567"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('""');
    const csv = outboxCsv([
      { invitationId: 'i', customerId: 'c', phone: '+5511912345678', email: null, language: 'pt-BR', link: 'https://x/s/t', expiresAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(csv.split('\r\n')[0]).toBe('invitationId,customerId,phone,email,language,link,expiresAt');
    expect(csv.split('\r\n')[1]).toBe('"i","c","+5511912345678","","pt-BR","https://x/s/t","2026-01-01T00:00:00.000Z"');
  });
});
