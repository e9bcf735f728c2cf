import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCall } from '../../../../shared/phone/line-state';
import type { LineId, LineSnapshot } from '../../../../shared/phone/phone-protocol';
import { ElapsedTimer } from '../../ui/ElapsedTimer';
import { CallReference } from './CallReference';
import { CallerChoices } from './CallerChoices';
import { CallQualityBadge } from './CallQualityBadge';
import { DtmfKeypad } from './DtmfKeypad';
import { FormProblemNote } from './FormProblemNote';
import { LinkCustomerPanel } from './LinkCustomerPanel';
import { usePhoneStore } from './phone-store';
import { isGuess, isPhoneNumber, type ScreenPop } from './screen-pop';
import { TransferForm } from './TransferForm';
import { MonitoredBadge } from '../monitoring/MonitoredBadge';

/**
 * One line as the agent sees it: its state in words, who is on it, for how long, and the buttons
 * that make sense right now. `data-state` mirrors the line's state machine for tests.
 */
export function LineCard({ id }: { id: LineId }) {
  const { t } = useTranslation();
  const headingId = useId();
  const line = usePhoneStore((s) => s.lines[id]);
  const otherFree = usePhoneStore((s) => !['ringing-in', 'dialing', 'early-media', 'active', 'held', 'transferring'].includes(s.lines[id === 1 ? 2 : 1].state.name));
  const received = usePhoneStore((s) => s.dtmfReceived[id]);
  const panel = usePhoneStore((s) => s.panels[id]);
  const pop = usePhoneStore((s) => (s.screenPops[id]?.callId === s.lines[id].callId ? s.screenPops[id] : null));
  const dtmfProblem = usePhoneStore((s) => (s.formProblem?.form === 'dtmf' && s.formProblem.line === id ? s.formProblem : null));
  const state = line.state;
  const ended = state.name === 'ended';

  return (
    <section
      className={`phone-line phone-line-${state.name}`}
      data-testid={`line-${id}`}
      data-state={state.name}
      data-call-id={line.callId ?? undefined}
      data-cause={state.name === 'ended' ? state.cause : undefined}
      aria-labelledby={headingId}
    >
      <div className="phone-line-head">
        <h3 id={headingId}>{t('phone.line.title', { number: id })}</h3>
        <span className="phone-line-state" data-testid="line-state">
          {t(`phone.state.${state.name}`)}
        </span>
        {state.name === 'active' && <CallQualityBadge line={id} />}
      </div>
      {line.remote && state.name !== 'idle' && <Caller line={line} />}
      <CallReference line={line} />
      {(state.name === 'active' || state.name === 'held') && <MonitoredBadge line={id} />}
      {line.consultFor !== null && <p className="muted">{t('phone.line.consultFor', { number: line.consultFor })}</p>}
      {line.muted && <span className="tag">{t('phone.line.muted')}</span>}
      {line.remoteHold && state.name === 'active' && <p className="muted">{t('phone.line.remoteHold')}</p>}
      {line.signalling === 'lost' && (
        <p className="alert alert-error" role="alert" data-testid="line-signalling-lost">
          {t('phone.line.signallingLost')}
        </p>
      )}
      {received !== '' && !ended && (
        <p className="phone-received" data-testid="line-dtmf-received" data-tones={received}>
          {t('phone.line.received', { tones: received })}
        </p>
      )}
      {state.name === 'ended' && (
        <p className="muted" data-testid="line-cause">
          {t(`phone.cause.${state.cause}`)}
        </p>
      )}
      <LineButtons line={line} panel={panel} pop={pop} />
      {panel === 'keypad' && state.name === 'active' && <DtmfKeypad line={id} />}
      {dtmfProblem && <FormProblemNote testId="line-dtmf-problem" problem={dtmfProblem} />}
      {panel === 'transfer' && (state.name === 'active' || state.name === 'held') && <TransferForm line={id} canConsult={otherFree} />}
      {panel === 'link' && line.callId !== null && hasCall(state) && (
        <LinkCustomerPanel callId={line.callId} linkedId={pop?.status === 'known' ? pop.customerId : null} testId="line-link-panel" />
      )}
    </section>
  );
}

function Caller({ line }: { line: LineSnapshot }) {
  const remote = line.remote;
  const pop = usePhoneStore((s) => s.screenPops[line.id]);
  if (!remote) return null;
  const since = line.answeredAt ?? line.startedAt;
  const screenPop = pop !== null && pop.callId === line.callId ? pop : null;
  return (
    <>
      {screenPop && <ScreenPopNote pop={screenPop} line={line} />}
      <p className="phone-caller">
        <span className="phone-caller-name" data-testid="line-remote" translate="no">
          {remote.displayName ?? remote.user}
        </span>
        {since !== null && line.state.name !== 'ended' && <ElapsedTimer from={since} testId="line-timer" className="phone-timer" />}
      </p>
    </>
  );
}

/**
 * Who the call is with: the caller ID's customer (marked as a guess while several share the
 * number, with the choice beside it), the one the agent linked, or "new customer" for a number
 * nobody has.
 */
function ScreenPopNote({ pop, line }: { pop: ScreenPop; line: LineSnapshot }) {
  const { t } = useTranslation();
  const live = hasCall(line.state);
  if (pop.status === 'known') {
    const guess = isGuess(pop);
    return (
      <>
        <p
          className="phone-screen-pop"
          data-testid="line-customer"
          data-status="known"
          data-customer-id={pop.customerId}
          data-call-id={pop.callId}
          data-linked-by={pop.linkedBy}
          data-guess={guess}
        >
          <strong translate="no">{pop.name}</strong>
          {guess && (
            <span className="tag phone-guess" data-testid="line-customer-guess">
              {t('phone.line.guess')}
            </span>
          )}
        </p>
        {live && pop.choices.length > 1 && <CallerChoices pop={pop} />}
      </>
    );
  }
  if (pop.status === 'unknown') {
    return (
      <p className="phone-screen-pop" data-testid="line-customer" data-status="unknown" data-call-id={pop.callId}>
        {live ? (
          <button type="button" className="button button-secondary phone-new-customer" data-testid="line-new-customer" onClick={() => usePhoneStore.getState().newCustomerFor(line.id)}>
            {t('phone.line.newCustomer')}
          </button>
        ) : (
          <span className="tag">{t('phone.line.newCustomer')}</span>
        )}
      </p>
    );
  }
  return null;
}

function LineButtons({ line, panel, pop }: { line: LineSnapshot; panel: string | null; pop: ScreenPop | null }) {
  const { t } = useTranslation();
  const phone = usePhoneStore.getState();
  const id = line.id;
  const state = line.state.name;
  const button = (testId: string, label: string, onClick: () => void, kind = 'button-secondary', pressed?: boolean) => (
    <button key={testId} type="button" className={`button ${kind}`} data-testid={testId} onClick={onClick} aria-pressed={pressed}>
      {label}
    </button>
  );
  const buttons = [];
  if (state === 'ringing-in') {
    buttons.push(button('line-answer', t('phone.action.answer'), () => phone.answer(id), 'button-primary'));
    buttons.push(button('line-reject', t('phone.action.reject'), () => phone.reject(id)));
  }
  if (state === 'active' || state === 'held') {
    const held = state === 'held';
    buttons.push(button('line-hold', held ? t('phone.action.resume') : t('phone.action.hold'), () => phone.toggleHold(id), 'button-secondary', held));
  }
  if (state === 'active') {
    buttons.push(button('line-mute', line.muted ? t('phone.action.unmute') : t('phone.action.mute'), () => phone.toggleMute(id), 'button-secondary', line.muted));
    buttons.push(button('line-dtmf', t('phone.action.keypad'), () => phone.togglePanel(id, 'keypad'), 'button-secondary', panel === 'keypad'));
  }
  if ((state === 'active' || state === 'held') && line.consultFor === null) {
    buttons.push(button('line-transfer', t('phone.action.transfer'), () => phone.togglePanel(id, 'transfer'), 'button-secondary', panel === 'transfer'));
  }
  if (state === 'active' && line.consultFor !== null) {
    const original = line.consultFor;
    buttons.push(button('line-transfer-complete', t('phone.action.completeTransfer'), () => phone.completeTransfer(original), 'button-primary'));
  }
  // A customer's number, or a call already linked: the agent may say who the call is really with.
  const linkable = pop !== null || isPhoneNumber(line.remote?.user ?? '');
  if ((state === 'ringing-in' || state === 'active' || state === 'held') && linkable) {
    const label = pop?.status === 'known' ? t('phone.action.changeCustomer') : t('phone.action.linkCustomer');
    buttons.push(button('line-link', label, () => phone.togglePanel(id, 'link'), 'button-secondary', panel === 'link'));
  }
  if (state === 'dialing' || state === 'early-media') buttons.push(button('line-hangup', t('phone.action.cancel'), () => phone.hangup(id)));
  if (state === 'active' || state === 'held' || state === 'transferring') {
    buttons.push(button('line-hangup', t('phone.action.hangup'), () => phone.hangup(id), 'button-danger'));
  }
  if (buttons.length === 0) return null;
  return <div className="phone-buttons">{buttons}</div>;
}
