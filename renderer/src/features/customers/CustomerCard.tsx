import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerWithOrders } from '../../../../shared/contract/customers';
import { LOCALES } from '../../i18n/locale-format';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { TagList } from './TagList';

/** Who the customer is, at a glance: name, language, tags and every way to reach or identify them. */
export function CustomerCard({ data }: { data: CustomerWithOrders }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const nameId = useId();
  const { customer, orders } = data;
  const latest = orders[0];
  const none = <span className="muted">{t('customers.card.none')}</span>;
  return (
    <article className="customer-card" data-testid="customer-card" data-customer-id={customer.id} aria-labelledby={nameId}>
      <h3 id={nameId} className="customer-name">
        {customer.name}
      </h3>
      <TagList tags={customer.tags} />
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
    </article>
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

/** `pt-BR` → "Portuguese (Brazil)" in the agent's language; the tag itself when Intl cannot say. */
function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
