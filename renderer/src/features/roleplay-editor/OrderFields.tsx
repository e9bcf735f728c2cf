import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderChannel, OrderStatus } from '../../../../shared/domain/order';
import type { TrainingOrder } from '../../../../shared/roleplay/scenario';
import { wholeNumber } from './LocalizedField';

/**
 * One order of the synthetic customer. Dates are days before the session, so the refund window a
 * scenario depends on stays the same whenever it is played. Prices are typed in minor units (cents,
 * centavos) as the console stores them, so a total never drifts.
 */
export function OrderFields({ order, n, onChange, onRemove }: { order: TrainingOrder; n: number; onChange(next: TrainingOrder): void; onRemove(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const set = (change: Partial<TrainingOrder>) => onChange({ ...order, ...change });
  const setItem = (index: number, change: Partial<TrainingOrder['items'][number]>) =>
    set({ items: order.items.map((item, i) => (i === index ? { ...item, ...change } : item)) });

  return (
    <div className="roleplay-editor-item" data-testid="roleplay-editor-order">
      <h4>{t('roleplayEditor.orderN', { n })}</h4>
      <label htmlFor={`${id}-number`}>{t('roleplayEditor.orderNumber')}</label>
      <input id={`${id}-number`} value={order.number} onChange={(e) => set({ number: e.target.value })} />
      <label htmlFor={`${id}-status`}>{t('roleplayEditor.orderStatus')}</label>
      <select id={`${id}-status`} value={order.status} onChange={(e) => set({ status: e.target.value as OrderStatus })}>
        {OrderStatus.options.map((status) => (
          <option key={status} value={status}>
            {t(`customers.cases.orderStatus.${status}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-channel`}>{t('roleplayEditor.channel')}</label>
      <select id={`${id}-channel`} value={order.channel} onChange={(e) => set({ channel: e.target.value as OrderChannel })}>
        {OrderChannel.options.map((channel) => (
          <option key={channel} value={channel}>
            {t(`roleplayEditor.channels.${channel}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-placed`}>{t('roleplayEditor.placedDaysAgo')}</label>
      <input id={`${id}-placed`} type="number" min={0} max={3650} value={order.placedDaysAgo} onChange={(e) => set({ placedDaysAgo: wholeNumber(e.target.value) })} />
      <label htmlFor={`${id}-delivered`}>{t('roleplayEditor.deliveredDaysAgo')}</label>
      <input
        id={`${id}-delivered`}
        type="number"
        min={0}
        max={3650}
        value={order.deliveredDaysAgo ?? ''}
        aria-describedby={`${id}-delivered-hint`}
        onChange={(e) => set({ deliveredDaysAgo: e.target.value === '' ? null : wholeNumber(e.target.value) })}
      />
      <span id={`${id}-delivered-hint`} className="muted">
        {t('roleplayEditor.notDelivered')}
      </span>
      <label htmlFor={`${id}-currency`}>{t('roleplayEditor.currency')}</label>
      <input id={`${id}-currency`} value={order.currency} maxLength={3} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} />
      <fieldset>
        <legend>{t('roleplayEditor.items')}</legend>
        {order.items.map((item, index) => (
          <div className="roleplay-editor-row" key={index}>
            <label htmlFor={`${id}-item-${index}`}>{t('roleplayEditor.itemName')}</label>
            <input id={`${id}-item-${index}`} value={item.name} onChange={(e) => setItem(index, { name: e.target.value })} />
            <label htmlFor={`${id}-qty-${index}`}>{t('roleplayEditor.quantity')}</label>
            <input id={`${id}-qty-${index}`} type="number" min={1} value={item.quantity} onChange={(e) => setItem(index, { quantity: wholeNumber(e.target.value) })} />
            <label htmlFor={`${id}-price-${index}`}>{t('roleplayEditor.unitPrice')}</label>
            <input id={`${id}-price-${index}`} type="number" min={0} value={item.unitPriceMinor} onChange={(e) => setItem(index, { unitPriceMinor: wholeNumber(e.target.value) })} />
            <button type="button" disabled={order.items.length <= 1} onClick={() => set({ items: order.items.filter((_, i) => i !== index) })}>
              {t('roleplayEditor.removeItem', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={order.items.length >= 20}
          onClick={() => set({ items: [...order.items, { sku: `ITEM-${order.items.length + 1}`, name: '', quantity: 1, unitPriceMinor: 0 }] })}
        >
          {t('roleplayEditor.addItem')}
        </button>
      </fieldset>
      <button type="button" onClick={onRemove}>
        {t('roleplayEditor.removeOrder', { n })}
      </button>
    </div>
  );
}
