import { useTranslation } from 'react-i18next';
import { KNOWN_CUSTOMER_TAGS, type KnownCustomerTag } from '../../../../shared/domain/customer';

const isKnown = (tag: string): tag is KnownCustomerTag => (KNOWN_CUSTOMER_TAGS as readonly string[]).includes(tag);

/** A customer's tags: ours in the agent's words and colours, others as the server sent them. */
export function TagList({ tags }: { tags: readonly string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <span className="customer-tags">
      {tags.map((tag) => (
        <span key={tag} className={`tag customer-tag customer-tag-${isKnown(tag) ? tag : 'other'}`} data-tag={tag}>
          {isKnown(tag) ? t(`customers.tags.${tag}`) : tag}
        </span>
      ))}
    </span>
  );
}
