import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CallReasonPicker } from './CallReasonPicker';
import { textIn, type LocalizedText } from '../../../../shared/guidance/script';
import { currentStep } from '../../../../shared/guidance/script-run';
import { fillPlaceholders, type ScriptPlaceholder } from '../../../../shared/guidance/script-text';
import { callReference } from '../../../../shared/phone/call-reference';
import { LANGUAGES, type Language } from '../../../../shared/domain/user';
import { useCustomersStore } from '../customers/customers-store';
import { usePhoneStore } from '../phone/phone-store';
import { useSessionStore } from '../session/session-store';
import { callLine, showingRun, tickedItems, useGuidanceStore } from './guidance-store';
import './guidance.css';

const asLanguage = (tag: string | null | undefined): Language | null => LANGUAGES.find((language) => language === tag) ?? null;

/**
 * The guidance panel: during a call, the "customer upset" button; when a prompt shows, its script's
 * current step, phrases in the customer's language (and the agent's beside them), the checklist,
 * the next choices (1–9 while the panel has focus) and the phrases to avoid. It sits in the call
 * column, in the page's flow, so it never covers the customer card or the phone controls.
 */
export function GuidancePanel() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const hasCall = useGuidanceStore((state) => state.call !== null);
  // Two selections, each a value the store already holds: a fresh object per render would loop.
  const prompt = useGuidanceStore((state) => state.call?.state.showing ?? null);
  const shownRun = useGuidanceStore((state) => showingRun(state)?.run ?? null);
  const shown = prompt ? { prompt, run: shownRun } : null;
  const card = useCustomersStore((state) => state.card);
  const agentName = useSessionStore((state) => state.user?.displayName ?? null);
  const line = usePhoneStore((state) => callLine(state.lines));

  useEffect(() => useGuidanceStore.getState().start(), []);

  // The agent asked for the script with the hotkey: take them to it.
  const promptId = shown?.prompt.id;
  const askedByHotkey = shown?.prompt.via === 'hotkey';
  useEffect(() => {
    if (promptId && askedByHotkey) panel.current?.focus();
  }, [promptId, askedByHotkey]);

  if (!hasCall) return null;

  const agentLanguage = asLanguage(i18n.language) ?? 'en';
  const customerLanguage = asLanguage(card?.customer.language) ?? agentLanguage;
  const values: Partial<Record<ScriptPlaceholder, string>> = {};
  if (card) values.customer = card.customer.name;
  if (agentName) values.agent = agentName;
  if (line?.callId && line.startedAt !== null) values.reference = callReference(line.callId, line.startedAt);
  const say = (text: LocalizedText, language: Language) => fillPlaceholders(textIn(text, language), values);

  const store = useGuidanceStore.getState();
  const run = shown?.run ?? null;
  const step = run ? currentStep(run) : null;
  const ticked = run ? tickedItems(run) : new Set<string>();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (!step || event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = /^[1-9]$/.exec(event.key)?.[0];
    const choice = digit ? step.choices[Number(digit) - 1] : undefined;
    if (!choice) return;
    event.preventDefault();
    store.choose(choice.id);
  }

  return (
    <section className="pane guidance-pane" aria-label={t('guidance.regionLabel')} data-testid="guidance-pane">
      <button type="button" className="button button-secondary button-small" data-testid="guidance-upset" aria-keyshortcuts="Alt+U" onClick={() => store.customerUpset('button')}>
        {t('guidance.upset')}
      </button>
      {line?.callId && <CallReasonPicker callId={line.callId} />}
      {shown && (
        <div
          ref={panel}
          className="guidance-panel"
          role="region"
          aria-labelledby={titleId}
          tabIndex={-1}
          data-testid="guidance-panel"
          data-situation={shown.prompt.situation}
          data-trigger={shown.prompt.trigger}
          data-script={run?.script.id}
          data-version={run?.script.version}
          onKeyDown={onKeyDown}
        >
          <h2 id={titleId} className="guidance-title">
            {run ? say(run.script.title, agentLanguage) : t('guidance.noScript')}
          </h2>
          {run && step && (
            <div data-testid="guidance-step" data-step={step.id}>
              <h3>{say(step.title, agentLanguage)}</h3>
              <p>{say(step.doThis, agentLanguage)}</p>
              {step.phrases.length > 0 && (
                <ul className="guidance-phrases" aria-label={t('guidance.phrases')}>
                  {step.phrases.map((phrase, index) => (
                    <li key={index} data-testid="guidance-phrase" lang={customerLanguage}>
                      <q>{say(phrase, customerLanguage)}</q>
                      {customerLanguage !== agentLanguage && (
                        <span className="guidance-translation" lang={agentLanguage}>
                          {say(phrase, agentLanguage)}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {step.checklist.length > 0 && (
                <fieldset className="guidance-checklist">
                  <legend>{t('guidance.checklist')}</legend>
                  {step.checklist.map((item) => (
                    <label key={item.id} className="guidance-check">
                      <input type="checkbox" data-testid="guidance-check" checked={ticked.has(item.id)} onChange={() => store.toggleCheck(item.id)} />{' '}
                      {say(item.text, agentLanguage)}
                    </label>
                  ))}
                </fieldset>
              )}
              {step.choices.length > 0 && (
                <div className="guidance-choices" role="group" aria-label={t('guidance.next')}>
                  {step.choices.map((choice, index) => (
                    <button
                      key={choice.id}
                      type="button"
                      className="button button-secondary button-small"
                      data-testid="guidance-choice"
                      aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
                      onClick={() => store.choose(choice.id)}
                    >
                      {index < 9 && <kbd>{index + 1}</kbd>} {say(choice.label, agentLanguage)}
                    </button>
                  ))}
                </div>
              )}
            </div>
          )}
          {run && run.script.avoid.length > 0 && (
            <details className="guidance-avoid">
              <summary>{t('guidance.avoid')}</summary>
              <ul>
                {run.script.avoid.map((avoid) => (
                  <li key={avoid.id}>
                    <s lang={customerLanguage}>{(avoid.phrases[customerLanguage].length > 0 ? avoid.phrases[customerLanguage] : avoid.phrases.en).join(' · ')}</s>{' '}
                    {say(avoid.why, agentLanguage)} {t('guidance.instead', { text: say(avoid.instead, customerLanguage) })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="guidance-actions">
            <button type="button" className="button button-primary button-small" data-testid="guidance-follow" onClick={() => store.follow()}>
              {t('guidance.follow')}
            </button>
            <button type="button" className="button button-quiet button-small" data-testid="guidance-dismiss" onClick={() => store.dismiss()}>
              {t('guidance.dismiss')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
