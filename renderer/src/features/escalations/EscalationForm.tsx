import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerWithOrders } from '../../../../shared/contract/customers';
import { errorKey } from '../../i18n/error-key';
import { minorDigits, toMajor, toMinor } from '../customers/money';
import { usePhoneStore } from '../phone/phone-store';
import { callFor } from './escalation-call';
import { policyOutcomeText } from './escalation-words';
import { useEscalationsStore } from './escalations-store';

const MAX_TEXT = 1_000;
/** Currencies offered when the customer's orders name none. */
const FLOOR_CURRENCIES = ['PHP', 'BRL', 'USD'];

/**
 * What the agent says about the escalation: why, what the customer asks for (and how much), the
 * order and item it is about, and notes. The customer, the order's facts, the call and its
 * reference number are filled in for them. Opened from the request form's policy check, it starts
 * filled in from there (the draft), and the policy result goes in the packet while the order and
 * item are still the ones it was decided on.
 */
export function EscalationForm({ data }: { data: CustomerWithOrders }) {
  const { t } = useTranslation();
  const ids = { title: useId(), reason: useId(), ask: useId(), amount: useId(), currency: useId(), order: useId(), item: useId(), notes: useId() };
  const status = useEscalationsStore((s) => s.raiseStatus);
  // Read once: the form is remounted for every new draft (EscalationDesk keys it).
  const [draft] = useState(() => useEscalationsStore.getState().draft);
  const error = useEscalationsStore((s) => s.raiseError);
  // A string, not the object: a selector must return the same value while nothing changed.
  const reference = usePhoneStore((s) => callFor(data.customer.id, s.lines, s.screenPops)?.reference ?? null);
  const currencies = [...new Set([...data.orders.map((o) => o.currency), ...FLOOR_CURRENCIES])];
  const [reason, setReason] = useState(draft?.reason ?? '');
  const [ask, setAsk] = useState(draft?.ask ?? '');
  const [amount, setAmount] = useState(() =>
    draft?.amountMinor != null ? toMajor(draft.amountMinor, draft.currency).toFixed(minorDigits(draft.currency)) : '',
  );
  const [currency, setCurrency] = useState(draft?.currency ?? currencies[0] ?? 'PHP');
  const [orderId, setOrderId] = useState(draft?.orderId ?? '');
  const [itemSku, setItemSku] = useState(draft?.itemSku ?? '');
  const [notes, setNotes] = useState(draft?.notes ?? '');
  // The policy decided on this order and item; pointed at another, the result no longer applies.
  const policy = draft && draft.orderId === orderId && draft.itemSku === itemSku ? draft.policy : null;
  const ref = useRef<HTMLFormElement>(null);
  const order = data.orders.find((o) => o.id === orderId) ?? null;
  const amountMinor = amount.trim() === '' ? null : toMinor(amount, currency);
  const amountOk = amount.trim() === '' || amountMinor !== null;
  const ready = reason.trim() !== '' && ask.trim() !== '' && amountOk;
  const saving = status === 'saving';

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  function chooseOrder(id: string): void {
    setOrderId(id);
    setItemSku('');
    const chosen = data.orders.find((o) => o.id === id);
    // Money on an order is in the order's currency.
    if (chosen) setCurrency(chosen.currency);
  }

  function submit(): void {
    if (!ready || saving) return;
    void useEscalationsStore.getState().raise({
      customerId: data.customer.id,
      orderId: orderId === '' ? null : orderId,
      itemSku: itemSku === '' ? null : itemSku,
      reason,
      request: { text: ask, ...(amountMinor === null ? {} : { amountMinor, currency }) },
      notes,
      policy,
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      useEscalationsStore.getState().closeForm();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      ref={ref}
      className="case-form escalation-form"
      data-testid="escalation-form"
      aria-labelledby={ids.title}
      onKeyDown={onKeyDown}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
    >
      <h4 id={ids.title}>{t('escalations.formTitle')}</h4>
      {reference && (
        <p className="muted" data-testid="escalation-call">
          {t('escalations.fromCall', { reference })}
        </p>
      )}
      {policy && (
        <p className="muted" data-testid="escalation-form-policy">
          {t('escalations.fromPolicy.line', {
            outcome: policyOutcomeText(t, policy.outcome),
            level: policy.level ? t(`escalations.levels.${policy.level}`) : '',
            rules: policy.ruleIds.join(', '),
          })}
        </p>
      )}
      <label htmlFor={ids.reason}>{t('escalations.reason')}</label>
      <textarea id={ids.reason} data-autofocus required rows={2} maxLength={MAX_TEXT} value={reason} onChange={(e) => setReason(e.target.value)} />
      <label htmlFor={ids.ask}>{t('escalations.ask')}</label>
      <input id={ids.ask} required maxLength={MAX_TEXT} value={ask} onChange={(e) => setAsk(e.target.value)} />
      <div className="escalation-amount">
        <span>
          <label htmlFor={ids.amount}>{t('escalations.amount')}</label>
          <input id={ids.amount} inputMode="decimal" aria-invalid={!amountOk} value={amount} onChange={(e) => setAmount(e.target.value)} />
        </span>
        <span>
          <label htmlFor={ids.currency}>{t('escalations.currency')}</label>
          <select id={ids.currency} value={currency} disabled={order !== null} onChange={(e) => setCurrency(e.target.value)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </span>
      </div>
      {!amountOk && <span className="field-note">{t('escalations.amountInvalid')}</span>}
      <label htmlFor={ids.order}>{t('escalations.order')}</label>
      <select id={ids.order} value={orderId} onChange={(e) => chooseOrder(e.target.value)}>
        <option value="">{t('escalations.noOrder')}</option>
        {data.orders.map((o) => (
          <option key={o.id} value={o.id}>
            {o.number}
          </option>
        ))}
      </select>
      {order && order.items.length > 0 && (
        <>
          <label htmlFor={ids.item}>{t('escalations.item')}</label>
          <select id={ids.item} value={itemSku} onChange={(e) => setItemSku(e.target.value)}>
            <option value="">{t('escalations.noItem')}</option>
            {order.items.map((item) => (
              <option key={item.sku} value={item.sku}>
                {item.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={ids.notes}>{t('escalations.notes')}</label>
      <textarea id={ids.notes} rows={2} maxLength={4_000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="case-form-actions">
        <span className="muted case-hint">{t('escalations.hint')}</span>
        <button type="button" className="button button-secondary" onClick={() => useEscalationsStore.getState().closeForm()} disabled={saving}>
          {t('escalations.cancel')}
        </button>
        <button type="submit" className="button" data-testid="escalation-send" disabled={saving || !ready}>
          {saving ? t('escalations.sending') : t('escalations.send')}
        </button>
      </div>
      {status === 'failed' && (
        <p className="field-note" role="alert">
          {t('escalations.failed')} {error && t(errorKey(error.code))}
        </p>
      )}
    </form>
  );
}
