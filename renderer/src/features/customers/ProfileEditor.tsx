import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { ProfileForm } from './ProfileForm';
import { useCustomersStore } from './customers-store';
import { checkEdit, draftOf, type ProfileDraft } from './profile-draft';
import { regionOf } from './profile-region';

/**
 * The open customer's profile as a form. Only the fields the agent changed are sent, so another
 * agent's edit of a different field at the same time is kept; saving with nothing changed just
 * closes the form.
 */
export function ProfileEditor({ customer, formKey }: { customer: CustomerDetail; formKey: number }) {
  // `customer` is the record as it was when the form opened (the store's `base`), not the live card.
  const { t } = useTranslation();
  const region = useCustomersStore((s) => s.phoneRegion);

  async function save(draft: ProfileDraft) {
    const store = useCustomersStore.getState();
    const checked = checkEdit(draft, customer, regionOf(store.phoneRegion));
    if (!checked.ok) return checked.errors;
    if (checked.value === null) store.closeProfile();
    else await store.updateProfile(checked.value);
    return null;
  }

  return (
    <ProfileForm
      key={formKey}
      title={t('customers.profile.editTitle', { name: customer.name })}
      testId="profile-form"
      saveLabel={t('customers.profile.save')}
      initial={draftOf(customer, region)}
      onSave={save}
    />
  );
}
