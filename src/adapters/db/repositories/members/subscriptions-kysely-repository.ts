import type { Kysely, Transaction } from 'kysely';
import type { ProviderEventInput, StoredSubscription, SubscriptionStore } from '../../../../modules/members/index.js';
import { newId } from '../../../../shared/ids.js';
import type { Dialect } from '../../connect.js';
import type { DB } from '../../schema.js';
import { isUniqueViolation } from '../staff/staff-rows.js';
import { subscriptionColumns, toSubscription } from './member-rows.js';

/** Attempts of one event when two first events race to insert the same new subscription row. */
const ATTEMPTS = 3;

/**
 * Provider subscriptions and the events applied to them. `recordEvent` is the webhook's one
 * transaction: event id, locked row, reducer, upsert, customer link; all or nothing.
 */
export class SubscriptionsKyselyRepository implements SubscriptionStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  async recordEvent(input: ProviderEventInput, now: Date): Promise<{ duplicate: boolean; outcome: string }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute((trx) => this.recordIn(trx, input, now));
      } catch (error) {
        // The whole transaction rolled back (the event id with it): the retry sees the other's row.
        if (attempt < ATTEMPTS && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  private async recordIn(trx: Transaction<DB>, input: ProviderEventInput, now: Date): Promise<{ duplicate: boolean; outcome: string }> {
    const at = now.toISOString();
    const inserted = await trx
      .insertInto('processed_events')
      .values({ provider: input.provider, event_id: input.eventId, type: input.providerType, outcome: 'pending', processed_at: at })
      .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { duplicate: true, outcome: 'duplicate' };

    let stored: StoredSubscription | null = null;
    if (input.subscriptionId) {
      const query = trx.selectFrom('subscriptions').selectAll().where('provider_subscription_id', '=', input.subscriptionId);
      // SQLite serializes write transactions already; PostgreSQL needs the row lock.
      const row = await (this.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
      stored = row ? toSubscription(row) : null;
    }
    const effect = input.apply(stored);
    if (effect.save && stored) {
      await trx
        .updateTable('subscriptions')
        .set(subscriptionColumns(effect.save, now))
        .where('provider_subscription_id', '=', stored.providerSubscriptionId)
        .execute();
    } else if (effect.save) {
      await trx
        .insertInto('subscriptions')
        .values({ id: newId(now.getTime()), created_at: effect.save.createdAt.toISOString(), ...subscriptionColumns(effect.save, now) })
        .execute();
    }
    if (effect.customer) {
      await trx
        .updateTable('members')
        .set({ provider_customer_id: effect.customer.customerId, updated_at: at })
        .where('id', '=', effect.customer.memberId)
        .where('deleted_at', 'is', null)
        .execute();
    }
    await trx
      .updateTable('processed_events')
      .set({ outcome: effect.outcome })
      .where('provider', '=', input.provider)
      .where('event_id', '=', input.eventId)
      .execute();
    return { duplicate: false, outcome: effect.outcome };
  }

  async listOf(memberId: string): Promise<StoredSubscription[]> {
    const rows = await this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('provider_updated_at', 'desc')
      .execute();
    return rows.map(toSubscription);
  }
}
