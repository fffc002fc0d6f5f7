import type { Kysely } from 'kysely';
import type { MemberStores } from '../../../../modules/members/index.js';
import type { Dialect } from '../../connect.js';
import type { DB } from '../../schema.js';
import { GiftStoryKyselyLookup } from './gift-story-kysely-lookup.js';
import { ComplimentaryKyselyRepository, GiftsKyselyRepository, MemberReadsKyselyRepository } from './member-access-kysely-repository.js';
import { MagicLinksKyselyRepository, MemberSessionsKyselyRepository } from './member-auth-kysely-repository.js';
import { MembersKyselyRepository } from './members-kysely-repository.js';
import { SubscriptionsKyselyRepository } from './subscriptions-kysely-repository.js';

/** Every store of the members module over one database (SQLite or PostgreSQL). */
export function createMemberStores(db: Kysely<DB>, dialect: Dialect): MemberStores {
  return {
    members: new MembersKyselyRepository(db),
    magicLinks: new MagicLinksKyselyRepository(db),
    sessions: new MemberSessionsKyselyRepository(db),
    reads: new MemberReadsKyselyRepository(db),
    subscriptions: new SubscriptionsKyselyRepository(db, dialect),
    complimentary: new ComplimentaryKyselyRepository(db),
    gifts: new GiftsKyselyRepository(db),
    stories: new GiftStoryKyselyLookup(db),
  };
}
