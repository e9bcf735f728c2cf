import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestCaseKind } from '../../../../shared/contract/cases';
import type { CustomerWithOrders } from '../../../../shared/contract/customers';
import { COMPLAINT_CATEGORIES, REQUEST_REASONS, type ComplaintCategory, type RequestReason } from '../../../../shared/domain/interaction';
import type { Order, OrderItem } from '../../../../shared/domain/order';
import { ITEM_CONDITIONS, PROOF_KINDS, type ItemCondition, type ProofKind } from '../../../../shared/policy';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { useEscalationsStore } from '../escalations/escalations-store';
import { useCustomersStore } from './customers-store';
import { minorDigits, toMajor, toMinor } from './money';
import { PolicyPanel } from './PolicyPanel';
import { usePolicyStore } from './policy-store';
import { decideRequest, keptDecision } from './request-policy';

const MAX_TEXT = 2_000;

/**
 * Cases during the call: the "Open complaint" button and whichever case form is open (a request
 * form opens from an order item's Return/Refund/Exchange button). Escape or Cancel closes a form.
 */
export function CaseDesk({ data }: { data: CustomerWithOrders }) {
  const { t } = useTranslation();
  const form = useCustomersStore((s) => s.caseForm);
  const status = useCustomersStore((s) => s.caseStatus);
  const startCase = useCustomersStore((s) => s.startCase);
  const request = form && form.kind !== 'complaint' ? findItem(data.orders, form.orderId, form.itemSku) : null;
  const openButton = useRef<HTMLButtonElement>(null);
  const hadForm = useRef(false);
  // A form that closed (saved or cancelled) hands the focus back here, not to the top of the page.
  useEffect(() => {
    if (hadForm.current && form === null) openButton.current?.focus();
    hadForm.current = form !== null;
  }, [form]);
  return (
    <div className="case-desk">
      {form?.kind !== 'complaint' && (
        <button
          ref={openButton}
          type="button"
          className="button button-secondary"
          data-testid="open-complaint"
          onClick={() => startCase({ kind: 'complaint' })}>
          {t('customers.cases.openComplaint')}
        </button>
      )}
      {status === 'saved' && form === null && (
        <p className="muted" role="status" data-testid="case-saved">
          {t('customers.cases.saved')}
        </p>
      )}
      {form?.kind === 'complaint' && <ComplaintForm customerId={data.customer.id} orders={data.orders} />}
      {form && form.kind !== 'complaint' && request && (
        <RequestForm
          key={`${form.kind}:${form.orderId}:${form.itemSku}`}
          customerId={data.customer.id}
          customerTags={data.customer.tags}
          kind={form.kind}
          {...request}
        />
      )}
    </div>
  );
}

function findItem(orders: readonly Order[], orderId: string, sku: string): { order: Order; item: OrderItem } | null {
  const order = orders.find((o) => o.id === orderId);
  const item = order?.items.find((i) => i.sku === sku);
  return order && item ? { order, item } : null;
}

function ComplaintForm({ customerId, orders }: { customerId: string; orders: readonly Order[] }) {
  const { t } = useTranslation();
  const ids = { title: useId(), category: useId(), description: useId(), realIssue: useId(), outcome: useId(), order: useId() };
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [description, setDescription] = useState('');
  const [realIssue, setRealIssue] = useState('');
  const [desiredOutcome, setDesiredOutcome] = useState('');
  const [orderId, setOrderId] = useState('');
  const ready = category !== '' && description.trim() !== '';

  function submit(): void {
    if (!ready) return;
    void useCustomersStore
      .getState()
      .openCase({ kind: 'complaint', customerId, category, description, realIssue, desiredOutcome, orderId: orderId === '' ? null : orderId });
  }

  return (
    <CaseFormFrame titleId={ids.title} title={t('customers.cases.complaintTitle')} testId="complaint-form" ready={ready} onSubmit={submit}>
      <label htmlFor={ids.category}>{t('customers.cases.category')}</label>
      <select
        id={ids.category}
        data-testid="complaint-category"
        required
        data-autofocus
        value={category}
        onChange={(e) => setCategory(e.target.value as ComplaintCategory | '')}
      >
        <option value="">{t('customers.cases.choose')}</option>
        {COMPLAINT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`customers.cases.categories.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.description}>{t('customers.cases.description')}</label>
      <textarea
        id={ids.description}
        data-testid="complaint-description"
        required
        rows={3}
        maxLength={MAX_TEXT}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <label htmlFor={ids.realIssue}>{t('customers.cases.realIssue')}</label>
      <textarea
        id={ids.realIssue}
        data-testid="complaint-real-issue"
        rows={2}
        maxLength={MAX_TEXT}
        value={realIssue}
        onChange={(e) => setRealIssue(e.target.value)}
      />
      <label htmlFor={ids.outcome}>{t('customers.cases.desiredOutcome')}</label>
      <input
        id={ids.outcome}
        data-testid="complaint-outcome"
        maxLength={MAX_TEXT}
        value={desiredOutcome}
        onChange={(e) => setDesiredOutcome(e.target.value)}
      />
      <label htmlFor={ids.order}>{t('customers.cases.aboutOrder')}</label>
      <select id={ids.order} data-testid="complaint-order" value={orderId} onChange={(e) => setOrderId(e.target.value)}>
        <option value="">{t('customers.cases.noOrder')}</option>
        {orders.map((o) => (
          <option key={o.id} value={o.id}>
            {o.number}
          </option>
        ))}
      </select>
    </CaseFormFrame>
  );
}

interface RequestFormProps {
  customerId: string;
  customerTags: readonly string[];
  kind: RequestCaseKind;
  order: Order;
  item: OrderItem;
}

function RequestForm({ customerId, customerTags, kind, order, item }: RequestFormProps) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const ids = { title: useId(), reason: useId(), amount: useId(), amountHint: useId(), notes: useId(), condition: useId(), proof: useId() };
  const paidMinor = item.quantity * item.unitPriceMinor;
  const [reason, setReason] = useState<RequestReason | ''>('');
  const [notes, setNotes] = useState('');
  const [amount, setAmount] = useState(() => toMajor(paidMinor, order.currency).toFixed(minorDigits(order.currency)));
  const amountMinor = kind === 'refund_request' ? toMinor(amount, order.currency) : null;
  const amountOk = kind !== 'refund_request' || (amountMinor !== null && amountMinor <= paidMinor);
  const ready = reason !== '' && amountOk;
  const [condition, setCondition] = useState<ItemCondition>('unopened');
  const [proof, setProof] = useState<readonly ProofKind[]>([]);
  const pack = usePolicyStore((s) => s.pack);
  // The day the form opened: a call does not span a policy window's last day often enough to matter.
  const [today] = useState(() => new Date());
  const decision = useMemo(
    () => decideRequest(pack, { tags: customerTags }, order, item, { kind, reason, condition, proof, amountMinor: amountOk ? amountMinor : null }, today),
    [pack, customerTags, order, item, kind, reason, condition, proof, amountMinor, amountOk, today],
  );
  useEffect(() => usePolicyStore.getState().start(), []);

  function toggleProof(kindOfProof: ProofKind, on: boolean): void {
    setProof((current) => (on ? [...current.filter((p) => p !== kindOfProof), kindOfProof] : current.filter((p) => p !== kindOfProof)));
  }

  /**
   * The policy wants a manager or director: the escalation opens filled in from this form (the
   * request, the reason, the amount, the notes and the policy result), through the same raise path
   * as the card's Escalate button, so the call and its reference number are added the same way.
   */
  function escalate(): void {
    if (decision?.outcome !== 'needs-approval' || reason === '') return;
    useEscalationsStore.getState().openForm({
      orderId: order.id,
      itemSku: item.sku,
      reason: t('escalations.fromPolicy.reason', {
        request: t(`customers.cases.requestTitle.${kind}`, { item: item.name }),
        reason: t(`customers.cases.reasons.${reason}`),
        level: t(`customers.cases.policyForm.levels.${decision.level}`),
      }),
      ask: t(`customers.cases.itemAction.${kind}`, { item: item.name }),
      amountMinor: kind === 'refund_request' && amountOk ? amountMinor : null,
      currency: order.currency,
      notes,
      policy: keptDecision(decision),
    });
  }

  function submit(): void {
    if (!ready) return;
    const base = { customerId, orderId: order.id, itemSku: item.sku, reason, notes, ...(decision ? { policy: keptDecision(decision) } : {}) };
    void useCustomersStore
      .getState()
      .openCase(
        kind === 'refund_request'
          ? { ...base, kind, amountMinor: amountMinor ?? undefined, currency: order.currency }
          : { ...base, kind },
      );
  }

  return (
    <CaseFormFrame
      titleId={ids.title}
      title={t(`customers.cases.requestTitle.${kind}`, { item: item.name })}
      testId="request-form"
      ready={ready}
      onSubmit={submit}
    >
      <dl className="case-order-facts" data-testid="request-order-facts">
        <div>
          <dt>{t('customers.cases.order')}</dt>
          <dd translate="no">{order.number}</dd>
        </div>
        <div>
          <dt>{t('customers.cases.placed')}</dt>
          <dd>{format.date(order.placedAt)}</dd>
        </div>
        <div>
          <dt>{t('customers.cases.status')}</dt>
          <dd>{t(`customers.cases.orderStatus.${order.status}`)}</dd>
        </div>
        <div>
          <dt>{t('customers.cases.policyForm.delivered')}</dt>
          <dd data-testid="request-delivered">
            {order.deliveredAt ? format.date(order.deliveredAt) : t('customers.cases.policyForm.notDelivered')}
          </dd>
        </div>
        <div>
          <dt>{t('customers.cases.policyForm.channel')}</dt>
          <dd data-testid="request-channel">{t(`customers.cases.policyForm.channels.${order.channel ?? 'online'}`)}</dd>
        </div>
        <div>
          <dt>{t('customers.cases.paid')}</dt>
          <dd>
            {t('customers.cases.quantity', { count: item.quantity })}
            {' · '}
            {format.currency(toMajor(paidMinor, order.currency), order.currency)}
          </dd>
        </div>
      </dl>
      <label htmlFor={ids.reason}>{t('customers.cases.reason')}</label>
      <select
        id={ids.reason}
        data-testid="request-reason"
        required
        data-autofocus
        value={reason}
        onChange={(e) => setReason(e.target.value as RequestReason | '')}
      >
        <option value="">{t('customers.cases.choose')}</option>
        {REQUEST_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`customers.cases.reasons.${r}`)}
          </option>
        ))}
      </select>
      {kind === 'refund_request' && (
        <>
          <label htmlFor={ids.amount}>{t('customers.cases.amount', { currency: order.currency })}</label>
          <input
            id={ids.amount}
            data-testid="request-amount"
            inputMode="decimal"
            aria-describedby={ids.amountHint}
            aria-invalid={!amountOk}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <span id={ids.amountHint} className={amountOk ? 'muted case-hint' : 'field-note'}>
            {t('customers.cases.amountHint', { amount: format.currency(toMajor(paidMinor, order.currency), order.currency) })}
          </span>
        </>
      )}
      <label htmlFor={ids.condition}>{t('customers.cases.policyForm.condition')}</label>
      <select
        id={ids.condition}
        data-testid="request-condition"
        value={condition}
        onChange={(e) => setCondition(e.target.value as ItemCondition)}
      >
        {ITEM_CONDITIONS.map((c) => (
          <option key={c} value={c}>
            {t(`customers.cases.policyForm.conditions.${c}`)}
          </option>
        ))}
      </select>
      <fieldset className="case-proof" data-testid="request-proof">
        <legend>{t('customers.cases.policyForm.proof')}</legend>
        {PROOF_KINDS.map((p) => (
          <label key={p}>
            <input
              type="checkbox"
              data-testid={`request-proof-${p}`}
              checked={proof.includes(p)}
              onChange={(e) => toggleProof(p, e.target.checked)}
            />{' '}
            {t(`customers.cases.policyForm.proofs.${p}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.notes}>{t('customers.cases.notes')}</label>
      <textarea id={ids.notes} data-testid="request-notes" rows={2} maxLength={MAX_TEXT} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <PolicyPanel pack={pack} decision={decision} onEscalate={escalate} />
    </CaseFormFrame>
  );
}

interface FrameProps {
  titleId: string;
  title: string;
  testId: string;
  ready: boolean;
  onSubmit(): void;
  children: ReactNode;
}

/** The shared frame of a case form: its title, the save and cancel buttons, Escape, and the error. */
function CaseFormFrame({ titleId, title, testId, ready, onSubmit, children }: FrameProps) {
  const { t } = useTranslation();
  const status = useCustomersStore((s) => s.caseStatus);
  const error = useCustomersStore((s) => s.caseError);
  const closeCase = useCustomersStore((s) => s.closeCase);
  const ref = useRef<HTMLFormElement>(null);
  const saving = status === 'saving';

  // The agent opened the form to type in it: the first field takes the focus.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  function submit(event: FormEvent): void {
    event.preventDefault();
    onSubmit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeCase();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    }
  }

  return (
    <form ref={ref} className="case-form" data-testid={testId} aria-labelledby={titleId} onSubmit={submit} onKeyDown={onKeyDown}>
      <h4 id={titleId}>{title}</h4>
      {children}
      <div className="case-form-actions">
        <span className="muted case-hint">{t('customers.cases.hint')}</span>
        <button type="button" className="button button-secondary" onClick={closeCase} disabled={saving}>
          {t('customers.cases.cancel')}
        </button>
        <button type="submit" className="button" data-testid="case-save" disabled={saving || !ready}>
          {saving ? t('customers.cases.saving') : t('customers.cases.save')}
        </button>
      </div>
      {status === 'failed' && (
        <p className="field-note" role="alert">
          {t('customers.cases.failed')} {error && t(errorKey(error.code))}
        </p>
      )}
    </form>
  );
}
