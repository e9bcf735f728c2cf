import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_CASE_KINDS } from '../../../../shared/contract/cases';
import type { Order } from '../../../../shared/domain/order';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { useCustomersStore } from './customers-store';
import { toMajor } from './money';

/** The customer's orders with their items; each item can be returned, refunded or exchanged from here. */
export function OrderList({ orders }: { orders: readonly Order[] }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const headingId = useId();
  const startCase = useCustomersStore((s) => s.startCase);
  return (
    <section className="customer-orders" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('customers.cases.orders')}</h3>
      {orders.length === 0 ? (
        <p className="muted">{t('customers.cases.noOrders')}</p>
      ) : (
        <ul className="order-list">
          {orders.map((order) => (
            <li key={order.id} className="order" data-testid="order" data-order-id={order.id}>
              <div className="order-head">
                <span className="order-number" translate="no">
                  {order.number}
                </span>
                <span>{t('customers.cases.placedOn', { date: format.date(order.placedAt) })}</span>
                <span className="tag">{t(`customers.cases.orderStatus.${order.status}`)}</span>
              </div>
              <ul className="order-items">
                {order.items.map((item, line) => (
                  <li key={`${item.sku}-${line}`} className="order-item" data-testid="order-item" data-sku={item.sku}>
                    <span className="order-item-name">
                      {item.name}{' '}
                      <span className="muted">
                        {t('customers.cases.quantity', { count: item.quantity })}
                        {' · '}
                        {format.currency(toMajor(item.quantity * item.unitPriceMinor, order.currency), order.currency)}
                      </span>
                    </span>
                    <span className="order-item-actions">
                      {REQUEST_CASE_KINDS.map((kind) => (
                        <button
                          key={kind}
                          type="button"
                          className="button button-secondary button-small"
                          data-testid={`item-${kind}`}
                          aria-label={t(`customers.cases.itemAction.${kind}`, { item: item.name })}
                          onClick={() => startCase({ kind, orderId: order.id, itemSku: item.sku })}
                        >
                          {t(`customers.cases.action.${kind}`)}
                        </button>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
