import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/user';
import { INTERACTION_KINDS, type InteractionKind } from '../../../../shared/domain/interaction';
import { TRAINING_PHONE_RANGES, type Scenario, type TrainingCustomer, type TrainingHistoryEntry } from '../../../../shared/roleplay/scenario';
import type { ScenarioIssue } from '../../../../shared/roleplay/scenario-check';
import { IssueList } from './IssueList';
import { LocalizedField, wholeNumber } from './LocalizedField';
import { OrderFields } from './OrderFields';
import { useRolePlayEditorStore } from './roleplay-editor-store';
import { newHistoryEntry, newOrder } from './scenario-draft';

/** The made-up customer the trainee's console pops: contact details, orders and history. */
export function CustomerFields({ scenario, issues }: { scenario: Scenario; issues: ScenarioIssue[] }) {
  const { t } = useTranslation();
  const id = useId();
  const edit = useRolePlayEditorStore((s) => s.edit);
  const { customer } = scenario;
  const editCustomer = (change: (customer: TrainingCustomer) => Partial<TrainingCustomer>) =>
    edit((s) => ({ ...s, customer: { ...s.customer, ...change(s.customer) } }));
  const editEntry = (index: number, change: Partial<TrainingHistoryEntry>) =>
    editCustomer((c) => ({ history: c.history.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) }));

  return (
    <fieldset className="roleplay-editor-section" data-testid="roleplay-editor-customer">
      <legend>{t('roleplayEditor.customer')}</legend>
      <p className="muted">{t('roleplayEditor.customerHint')}</p>
      <label htmlFor={`${id}-name`}>{t('roleplayEditor.customerName')}</label>
      <input id={`${id}-name`} value={customer.name} onChange={(e) => editCustomer(() => ({ name: e.target.value }))} />
      <label htmlFor={`${id}-phone`}>{t('roleplayEditor.phone')}</label>
      <input id={`${id}-phone`} type="tel" value={customer.phone} aria-describedby={`${id}-phone-hint`} onChange={(e) => editCustomer(() => ({ phone: e.target.value.trim() }))} />
      <p id={`${id}-phone-hint`} className="muted">
        {t('roleplayEditor.phoneHint', { examples: TRAINING_PHONE_RANGES.map((range) => range.example).join(', ') })}
      </p>
      <label htmlFor={`${id}-email`}>{t('roleplayEditor.email')}</label>
      <input
        id={`${id}-email`}
        type="email"
        value={customer.emails[0] ?? ''}
        onChange={(e) => editCustomer((c) => ({ emails: e.target.value.trim() === '' ? c.emails.slice(1) : [e.target.value.trim(), ...c.emails.slice(1)] }))}
      />
      <label htmlFor={`${id}-language`}>{t('roleplayEditor.customerLanguage')}</label>
      <select id={`${id}-language`} value={customer.language} onChange={(e) => editCustomer(() => ({ language: e.target.value as Language }))}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang}>
            {t(`roleplayEditor.lang.${lang}`)}
          </option>
        ))}
      </select>
      <label className="roleplay-editor-check">
        <input type="checkbox" checked={customer.training} onChange={(e) => editCustomer(() => ({ training: e.target.checked }))} />
        {t('roleplayEditor.trainingMarker')}
      </label>

      <fieldset>
        <legend>{t('roleplayEditor.orders')}</legend>
        {customer.orders.map((order, index) => (
          <OrderFields
            key={index}
            order={order}
            n={index + 1}
            onChange={(next) => editCustomer((c) => ({ orders: c.orders.map((o, i) => (i === index ? next : o)) }))}
            onRemove={() => editCustomer((c) => ({ orders: c.orders.filter((_, i) => i !== index) }))}
          />
        ))}
        <button
          type="button"
          disabled={customer.orders.length >= 20}
          onClick={() => editCustomer((c) => ({ orders: [...c.orders, newOrder(c.orders.map((o) => o.id), c.orders[0]?.currency ?? currencyFor(c.language))] }))}
        >
          {t('roleplayEditor.addOrder')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('roleplayEditor.history')}</legend>
        {customer.history.map((entry, index) => (
          <div className="roleplay-editor-item" key={index} data-testid="roleplay-editor-history-entry">
            <label htmlFor={`${id}-kind-${index}`}>{t('roleplayEditor.historyKind')}</label>
            <select id={`${id}-kind-${index}`} value={entry.kind} onChange={(e) => editEntry(index, { kind: e.target.value as InteractionKind })}>
              {INTERACTION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`customers.history.kinds.${kind}`)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-days-${index}`}>{t('roleplayEditor.daysAgo')}</label>
            <input id={`${id}-days-${index}`} type="number" min={0} max={3650} value={entry.daysAgo} onChange={(e) => editEntry(index, { daysAgo: wholeNumber(e.target.value) })} />
            <label htmlFor={`${id}-order-${index}`}>{t('roleplayEditor.aboutOrder')}</label>
            <select id={`${id}-order-${index}`} value={entry.orderId ?? ''} onChange={(e) => editEntry(index, { orderId: e.target.value === '' ? null : e.target.value })}>
              <option value="">{t('roleplayEditor.noOrder')}</option>
              {[...new Set([...customer.orders.map((o) => o.id), ...(entry.orderId ? [entry.orderId] : [])])].map((orderId) => (
                <option key={orderId} value={orderId}>
                  {customer.orders.find((o) => o.id === orderId)?.number || orderId}
                </option>
              ))}
            </select>
            <LocalizedField label={t('roleplayEditor.historyText')} rows={2} text={entry.text} onChange={(text) => editEntry(index, { text })} />
            <button type="button" onClick={() => editCustomer((c) => ({ history: c.history.filter((_, i) => i !== index) }))}>
              {t('roleplayEditor.removeHistory', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" disabled={customer.history.length >= 30} onClick={() => editCustomer((c) => ({ history: [...c.history, newHistoryEntry()] }))}>
          {t('roleplayEditor.addHistory')}
        </button>
      </fieldset>
      <IssueList issues={issues} testId="roleplay-editor-customer-issues" />
    </fieldset>
  );
}

/** The currency a new order starts in, from the customer's language (the trainer can change it). */
const currencyFor = (language: Language): string => (language === 'fil' ? 'PHP' : language === 'pt-BR' ? 'BRL' : 'USD');
