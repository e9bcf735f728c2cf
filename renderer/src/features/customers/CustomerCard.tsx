import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerWithOrders } from '../../../../shared/contract/customers';
import { LOCALES } from '../../i18n/locale-format';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { ProfileEditor } from './ProfileEditor';
import { languageName } from './ProfileForm';
import { TagList } from './TagList';
import { useCustomersStore } from './customers-store';

/**
 * Who the customer is, at a glance: name, language, tags and every way to reach or identify them.
 * Edit turns the facts into the profile form; closed, the focus comes back to Edit.
 */
export function CustomerCard({ data }: { data: CustomerWithOrders }) {
  const { t } = useTranslation();
  const nameId = useId();
  const { customer } = data;
  const form = useCustomersStore((s) => s.profileForm);
  const saved = useCustomersStore((s) => s.profileStatus === 'saved');
  const editing = form?.mode === 'edit' && form.customerId === customer.id ? form : null;
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);
  return (
    <article className="customer-card" data-testid="customer-card" data-customer-id={customer.id} aria-labelledby={nameId}>
      <div className="customer-card-head">
        <h3 id={nameId} className="customer-name">
          {customer.name}
        </h3>
        {!editing && (
          <button
            ref={editButton}
            type="button"
            className="button button-secondary customer-edit"
            data-testid="customer-edit"
            aria-describedby={nameId}
            onClick={() => useCustomersStore.getState().editProfile()}
          >
            {t('customers.profile.edit')}
          </button>
        )}
      </div>
      <TagList tags={customer.tags} />
      {saved && !editing && (
        <p className="muted" role="status" data-testid="profile-saved">
          {t('customers.profile.saved')}
        </p>
      )}
      {editing ? <ProfileEditor customer={editing.base} formKey={editing.key} /> : <Facts data={data} />}
    </article>
  );
}

function Facts({ data }: { data: CustomerWithOrders }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const { customer, orders } = data;
  const latest = orders[0];
  const none = <span className="muted">{t('customers.card.none')}</span>;
  return (
    <dl className="customer-facts">
      <Fact label={t('customers.card.language')}>
        {customer.language ? languageName(customer.language, LOCALES[format.language]) : <span className="muted">{t('customers.card.noLanguage')}</span>}
      </Fact>
      <Fact label={t('customers.card.phones')}>
        {customer.phones.length === 0
          ? none
          : customer.phones.map((phone) => (
              <span key={`${phone.number}-${phone.label}`} className="customer-fact-line">
                <span translate="no">{phone.number}</span> <span className="muted">{t(`customers.card.phoneLabel.${phone.label}`)}</span>
              </span>
            ))}
      </Fact>
      <Fact label={t('customers.card.emails')}>{list(customer.emails) ?? none}</Fact>
      <Fact label={t('customers.card.accounts')}>{list(customer.accountNumbers) ?? none}</Fact>
      <Fact label={t('customers.card.orders')}>
        <span className="customer-fact-line">{t('customers.card.ordersCount', { count: format.number(orders.length) })}</span>
        {latest && (
          <span className="customer-fact-line" translate="no">
            {t('customers.card.lastOrder', { number: latest.number, date: format.date(latest.placedAt) })}
          </span>
        )}
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="customer-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function list(values: readonly string[]): ReactNode | null {
  if (values.length === 0) return null;
  return values.map((value) => (
    <span key={value} className="customer-fact-line" translate="no">
      {value}
    </span>
  ));
}
