import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/user';
import type { trainingRecords } from '../../../../shared/roleplay/scenario';
import { formatCurrency, formatDate } from '../../i18n/locale-format';

/**
 * The scenario's synthetic customer as the trainee's screen-pop: built on this console from the
 * scenario (never written to the customer cache, so it can never turn up in a real search).
 */
export function TrainingCustomerCard({ records, language }: { records: ReturnType<typeof trainingRecords>; language: Language }) {
  const { t } = useTranslation();
  const { customer, orders, history } = records;
  return (
    <article className="training-customer" aria-labelledby="training-customer-name" data-testid="training-customer">
      <p className="training-customer-kind">{t('roleplay.training.customer')}</p>
      <h3 id="training-customer-name" data-testid="training-customer-name">
        {customer.name}
      </h3>
      <p>
        {t('roleplay.training.phone')}: <span data-testid="training-customer-phone">{customer.phones[0]?.number}</span>
      </p>
      {orders.length > 0 && (
        <>
          <h4>{t('roleplay.training.orders')}</h4>
          <ul data-testid="training-customer-orders">
            {orders.map((order) => (
              <li key={order.id}>
                {order.number} · {formatDate(order.placedAt, language)} · {formatCurrency(order.totalMinor / 100, order.currency, language)} · {order.items.map((item) => item.name).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {history.length > 0 && (
        <>
          <h4>{t('roleplay.training.history')}</h4>
          <ul>
            {history.map((entry, i) => (
              <li key={i}>
                {formatDate(entry.occurredAt, language)}: {entry.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
