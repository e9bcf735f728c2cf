import type { Database } from 'better-sqlite3';
import { CustomerEdit } from '../../../shared/contract/customers';
import { ContractFailure } from '../../../shared/contract/core';
import { Customer, type CustomerDetail } from '../../../shared/domain/customer';
import { NewCustomer, readProfilePhones, type ProfilePhone } from '../../../shared/domain/customer-profile';
import { CustomerCreate, CustomerUpdate } from '../../../shared/domain/outbox';
import type { PhoneRegion } from '../../../shared/domain/phone';
import type { BatchWriter } from './batch-writer';
import { parseInput } from './cache-errors';
import type { CustomerReader } from './customer-reader';
import type { OutboxStore } from './outbox-store';
import type { SearchIndex } from './search-index';

/**
 * Customers the agent creates and profile edits the agent makes. Like a note, each writes the
 * customer row (its phones and accounts, and its search document, so search and caller ID find it
 * at once) and the outbox entry in one transaction. A created customer is version 0 until the
 * server's row, same id, comes back in a pull and replaces it; an edit keeps the version the cache
 * had, so the merged row the server sends back (a newer version) replaces it too.
 */
export class CustomerEditor {
  constructor(
    private readonly db: Database,
    private readonly writer: BatchWriter,
    private readonly outbox: OutboxStore,
    private readonly index: SearchIndex,
    private readonly reader: CustomerReader,
    private readonly region: PhoneRegion,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {}

  create(input: unknown): CustomerDetail {
    const fields = parseInput(NewCustomer, input, 'customer');
    const phones = this.readPhones(fields.phones, [], '');
    const createdAt = this.now().toISOString();
    // Checked as the server will check the upload: what it would refuse fails here, before anything is written.
    const payload = parseInput(CustomerCreate, { ...fields, id: this.newId(), phones, createdAt }, 'customer');
    const { createdAt: _at, ...record } = payload;
    const customer = Customer.parse({ ...record, version: 0 });
    this.db
      .transaction(() => {
        this.write(customer);
        this.outbox.enqueue(this.newId(), { kind: 'customer.create', payload });
      })
      .immediate();
    return this.read(customer.id);
  }

  update(input: unknown): CustomerDetail {
    const edit = parseInput(CustomerEdit, input, 'customer edit');
    return this.db
      .transaction((): CustomerDetail => {
        const current = this.reader.customerDetail(edit.customerId);
        if (!current) throw new ContractFailure('NOT_FOUND', `No customer ${edit.customerId} on this computer.`);
        const { phones: typedPhones, ...rest } = edit.changes;
        const changes = typedPhones === undefined ? rest : { ...rest, phones: this.readPhones(typedPhones, current.phones, 'changes.') };
        const update = parseInput(
          CustomerUpdate,
          { customerId: edit.customerId, baseVersion: edit.baseVersion, changes, editedAt: this.now().toISOString() },
          'customer edit',
        );
        const { phones: currentPhones, ...record } = current;
        // The cache's own version, not the agent's base: a pull may have moved it on while the form was open.
        const edited = Customer.parse({
          ...record,
          phones: currentPhones.map(({ number, label }) => ({ number, label })),
          ...update.changes,
        });
        this.write(edited);
        this.outbox.enqueue(this.newId(), { kind: 'customer.update', payload: update });
        return this.read(edited.id);
      })
      .immediate();
  }

  private readPhones(phones: readonly ProfilePhone[], known: CustomerDetail['phones'], prefix: string) {
    const read = readProfilePhones(phones, this.region, known, prefix);
    if (read.issues.length > 0) {
      throw new ContractFailure('INVALID_INPUT', `customer: ${read.issues[0]?.message ?? 'phone'}`, read.issues);
    }
    return read.phones;
  }

  private write(customer: Customer): void {
    const touched = new Set<string>();
    this.writer.upsertCustomer(customer, touched);
    for (const id of touched) this.index.reindexCustomer(id);
  }

  private read(id: string): CustomerDetail {
    const detail = this.reader.customerDetail(id);
    if (!detail) throw new Error(`customer ${id} vanished after it was written`);
    return detail;
  }
}
