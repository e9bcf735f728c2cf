import { useTranslation } from 'react-i18next';
import { ProfileForm } from './ProfileForm';
import { useCustomersStore } from './customers-store';
import { checkNew, emptyDraft, type ProfileDraft } from './profile-draft';
import { regionOf } from './profile-region';

/** "New customer" beside the search: for a caller the search did not find. */
export function NewCustomerButton() {
  const { t } = useTranslation();
  const open = useCustomersStore((s) => s.profileForm?.mode === 'new');
  const startNewCustomer = useCustomersStore((s) => s.startNewCustomer);
  if (open) return null;
  return (
    <button type="button" className="button button-secondary new-customer-button" data-testid="new-customer" onClick={() => startNewCustomer()}>
      {t('customers.profile.newCustomer')}
    </button>
  );
}

/**
 * The new-customer form, with the caller's number already in it when it was opened from a call.
 * Saved, the customer's card opens (the store selects them).
 */
export function NewCustomerForm() {
  const { t } = useTranslation();
  const form = useCustomersStore((s) => s.profileForm);
  const region = useCustomersStore((s) => s.phoneRegion);
  if (form?.mode !== 'new') return null;

  async function save(draft: ProfileDraft) {
    const checked = checkNew(draft, regionOf(useCustomersStore.getState().phoneRegion));
    if (!checked.ok) return checked.errors;
    await useCustomersStore.getState().createCustomer(checked.value);
    return null;
  }

  return (
    <ProfileForm
      key={form.key}
      title={t('customers.profile.newTitle')}
      testId="new-customer-form"
      saveLabel={t('customers.profile.create')}
      initial={emptyDraft(region, form.number)}
      onSave={save}
    />
  );
}
