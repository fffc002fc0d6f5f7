import { sql, type Kysely } from 'kysely';

/** Members, sessions, magic links, meter, subscriptions, webhook events, grants, gifts (schema-members.ts). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Unique while set; deleted accounts hold null, which both databases allow many times.
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('preferred_edition', 'text')
    .addColumn('provider_customer_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('members_customer').on('members').column('provider_customer_id').execute();

  await db.schema
    .createTable('member_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_sessions_member').on('member_sessions').column('member_id').execute();
  await db.schema.createIndex('member_sessions_expires').on('member_sessions').column('expires_at').execute();

  await db.schema
    .createTable('magic_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('sign_in', 'sign_up')`))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('return_path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('magic_links_email').on('magic_links').column('email').execute();
  await db.schema.createIndex('magic_links_expires').on('magic_links').column('expires_at').execute();

  await db.schema
    .createTable('member_monthly_reads')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_monthly_reads_pk', ['member_id', 'month', 'story_id'])
    .execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_subscription_id', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('price_id', 'text')
    .addColumn('plan_id', 'text')
    .addColumn('current_period_end', 'text')
    .addColumn('paid_through', 'text')
    .addColumn('cancel_at_period_end', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_at', 'text')
    .addColumn('provider_updated_at', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscriptions_member').on('subscriptions').column('member_id').execute();

  await db.schema
    .createTable('processed_events')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('processed_events_pk', ['provider', 'event_id'])
    .execute();

  await db.schema
    .createTable('complimentary_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('until', 'text')
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('complimentary_grants_member').on('complimentary_grants').column('member_id').execute();

  await db.schema
    .createTable('gift_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('uses_left', 'integer', (c) => c.notNull().check(sql`uses_left >= 0`))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gift_links_creator').on('gift_links').column('created_by').execute();

  await db.schema
    .createTable('gift_redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('gift_link_id', 'text', (c) => c.notNull().references('gift_links.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gift_redemptions_link').on('gift_redemptions').column('gift_link_id').execute();
}
