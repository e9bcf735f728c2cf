import { createHash } from 'node:crypto';
import type { SurveyDefinition, SurveyLanguage, SurveyPageTexts, SurveyQuestion, SurveyText } from '../../shared/surveys/survey-definition';

/**
 * The survey as a plain HTML page: no script at all, one inline stylesheet allowed by its hash in
 * the Content-Security-Policy, a normal form POST back to the same address. Mobile first: one
 * column, tap targets of at least 44 px, scales that wrap at 375 px.
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#f4f5f7}
main{max-width:36rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.4rem;line-height:1.3;margin:.5rem 0 1rem}
fieldset{border:0;margin:0 0 1.5rem;padding:1rem;background:#fff;border-radius:12px}
legend{float:left;width:100%;padding:0;margin-bottom:.75rem;font-weight:600}
.scale{clear:both;display:flex;flex-wrap:wrap;gap:.5rem}
.scale label{position:relative;display:flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;flex:1 0 44px;border:2px solid #8a8f98;border-radius:8px;font-weight:600;cursor:pointer}
.scale input{position:absolute;opacity:0;width:100%;height:100%;margin:0;cursor:pointer}
.scale input:checked+span{color:#fff}
.scale label:has(input:checked){background:#1f5fbf;border-color:#1f5fbf;color:#fff}
.scale label:has(input:focus-visible){outline:3px solid #f0a500;outline-offset:2px}
.ends{clear:both;display:flex;justify-content:space-between;gap:1rem;margin-top:.4rem;font-size:.9rem;color:#4a4f57}
textarea{clear:both;display:block;width:100%;min-height:7rem;padding:.75rem;font:inherit;border:2px solid #8a8f98;border-radius:8px}
.hint{clear:both;margin:0 0 .5rem;font-size:.9rem;color:#4a4f57}
.error{clear:both;color:#a4161a;font-weight:600;margin:.5rem 0 0}
.summary{background:#fde8e8;color:#a4161a;padding:.75rem 1rem;border-radius:8px;font-weight:600}
button{display:block;width:100%;min-height:52px;font:inherit;font-weight:700;color:#fff;background:#1f5fbf;border:0;border-radius:10px;cursor:pointer}
button:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
`;

/** The page's only style, allowed by hash: no 'unsafe-inline', no script source at all. */
export const SURVEY_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(language: SurveyLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface FormState {
  /** What the customer sent, to fill the form again after a refusal. */
  values?: Record<string, string>;
  /** Question ids with a problem. */
  errors?: readonly string[];
}

function scaleQuestion(question: Extract<SurveyQuestion, { kind: 'scale' }>, language: SurveyLanguage, texts: SurveyPageTexts, state: FormState): string {
  const chosen = state.values?.[question.id];
  const error = state.errors?.includes(question.id);
  const errorId = `${question.id}-error`;
  const endsId = `${question.id}-ends`;
  const choices = [];
  for (let value = question.min; value <= question.max; value++) {
    const checked = chosen === String(value) ? ' checked' : '';
    const required = question.required ? ' required' : '';
    choices.push(`<label><input type="radio" name="${question.id}" value="${value}"${checked}${required}><span>${value}</span></label>`);
  }
  const described = [endsId, ...(error ? [errorId] : [])].join(' ');
  return `<fieldset aria-describedby="${described}"${error ? ' aria-invalid="true"' : ''}>
<legend>${escapeHtml(question.text[language])}</legend>
<div class="scale">${choices.join('')}</div>
<p class="ends" id="${endsId}"><span>${question.min} = ${escapeHtml(question.lowLabel[language])}</span><span>${question.max} = ${escapeHtml(question.highLabel[language])}</span></p>
${error ? `<p class="error" id="${errorId}">${escapeHtml(texts.required[language])}</p>` : ''}
</fieldset>`;
}

function textQuestion(question: Extract<SurveyQuestion, { kind: 'text' }>, language: SurveyLanguage, texts: SurveyPageTexts, state: FormState): string {
  const error = state.errors?.includes(question.id);
  const hintId = `${question.id}-hint`;
  const value = state.values?.[question.id] ?? '';
  return `<fieldset>
<legend><label for="${question.id}">${escapeHtml(question.text[language])}</label></legend>
${question.hint ? `<p class="hint" id="${hintId}">${escapeHtml(question.hint[language])}</p>` : ''}
<textarea id="${question.id}" name="${question.id}" maxlength="${question.maxLength}"${question.required ? ' required' : ''}${question.hint ? ` aria-describedby="${hintId}"` : ''}>${escapeHtml(value)}</textarea>
${error ? `<p class="error">${escapeHtml(texts.required[language])}</p>` : ''}
</fieldset>`;
}

/** The form, empty or filled again with what was sent and what was wrong with it. */
export function surveyForm(survey: SurveyDefinition, language: SurveyLanguage, action: string, state: FormState = {}): string {
  const { texts } = survey;
  const questions = survey.questions.map((q) => (q.kind === 'scale' ? scaleQuestion(q, language, texts, state) : textQuestion(q, language, texts, state)));
  const summary = state.errors?.length ? `<p class="summary" role="alert">${escapeHtml(texts.fixErrors[language])}</p>` : '';
  return page(
    language,
    texts.title[language],
    `<h1>${escapeHtml(texts.title[language])}</h1>
<p>${escapeHtml(texts.intro[language])}</p>
${summary}
<form method="post" action="${escapeHtml(action)}">
${questions.join('\n')}
<button type="submit">${escapeHtml(texts.submit[language])}</button>
</form>`,
  );
}

export type SurveyNotice = 'thanks' | 'answered' | 'expired' | 'invalid';

/** A page with one message: thank you, or why the link no longer takes answers. */
export function surveyNotice(texts: SurveyPageTexts, language: SurveyLanguage, notice: SurveyNotice): string {
  const pairs: Record<SurveyNotice, { title: SurveyText; text: SurveyText }> = {
    thanks: { title: texts.thanksTitle, text: texts.thanks },
    answered: { title: texts.answeredTitle, text: texts.answered },
    expired: { title: texts.expiredTitle, text: texts.expired },
    invalid: { title: texts.invalidTitle, text: texts.invalid },
  };
  const { title, text } = pairs[notice];
  return page(language, title[language], `<h1>${escapeHtml(title[language])}</h1>\n<p>${escapeHtml(text[language])}</p>`);
}
