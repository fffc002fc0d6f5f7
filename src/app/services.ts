import type { Database } from '../adapters/db/connect.js';
import type { ContentReadKyselyRepository } from '../adapters/db/repositories/content/content-read-kysely-repository.js';
import type { ContentWriteKyselyRepository } from '../adapters/db/repositories/content/content-write-kysely-repository.js';
import type { PageChangeRecorder } from '../adapters/db/repositories/content/page-change-recorder.js';
import type { KyselyJobQueue } from '../adapters/db/repositories/jobs/job-queue-kysely.js';
import type { AdminAuthDeps } from '../adapters/http/admin-api/admin-auth.js';
import type { LoadedAssets } from '../adapters/http/site/assets.js';
import type { SitePages } from '../adapters/http/site/site-pages.js';
import type { ReaderService } from '../modules/content/index.js';
import type { Editions } from '../modules/editions/index.js';
import type { EnqueueJob, JobWorker } from '../modules/jobs/index.js';
import type { MediaService } from '../modules/media/index.js';
import type { MemberStores, MembersModule } from '../modules/members/index.js';
import type { PaymentProvider } from '../modules/members/payments/index.js';
import type { EditorialService } from '../modules/newsroom/editorial/index.js';
import type { StaffModule, StaffStores } from '../modules/newsroom/staff/index.js';
import type { TaxonomyService } from '../modules/newsroom/taxonomy/index.js';
import type { Clock } from '../shared/clock.js';
import type { Catalogs } from '../shared/i18n/index.js';
import type { Mailer } from '../shared/mail.js';
import type { Config } from './config.js';

/**
 * Everything a process needs, built once by `openServices` (app/container.ts) and handed to the
 * wiring files, which only register routes and job handlers over it: nothing below is constructed
 * anywhere else. Its own file, so the wiring imports this type and not the container that imports
 * the wiring.
 */
export interface Services {
  config: Config;
  database: Database;
  editions: Editions;
  clock: Clock;
  /** The interface messages of every edition (locales/<locale>.json), loaded once. */
  catalogs: Catalogs;
  contentWrite: ContentWriteKyselyRepository;
  contentRead: ContentReadKyselyRepository;
  /** Records, in each write's transaction, the reader pages it affects (and queues the CDN purge). */
  pageChanges: PageChangeRecorder;
  /** The anonymous meter cookie's HMAC secrets, current first (METER_SECRET, else made once and stored). */
  meterSecrets: readonly string[];
  jobs: JobServices;
  stores: { staff: StaffStores; members: MemberStores };
  /** The one mailer of the process (SMTP when SMTP_URL is set, else the log): one SMTP transport, closed by `close()`. */
  mailer: Mailer;
  staff: StaffModule;
  members: MembersModule;
  /** Null when payments are not configured. */
  paymentProvider: PaymentProvider | null;
  editorial: EditorialService;
  taxonomy: TaxonomyService;
  close(): Promise<void>;
}

export interface JobServices {
  queue: KyselyJobQueue;
  /**
   * Enqueues a job on its own (no caller transaction) and wakes this process's workers, if it runs
   * any (`start` with RUN_JOBS=true), so the job starts now rather than at the next poll. Other
   * processes' workers find it at their next poll (every second by default).
   */
  enqueue: EnqueueJob;
  /** The workers running in this process (`createJobRuntime`), woken by `enqueue`. */
  localWorkers: Set<JobWorker>;
}

/**
 * What only the web process needs beyond `Services`, built once per HTTP application by
 * `createHttpApp` and shared by the reader site and every HTTP module.
 */
export interface WebServices extends Services {
  assets: LoadedAssets;
  reader: ReaderService;
  /** The one page context and layout of the reader site (its navigation cache included). */
  pages: SitePages;
  /** How admin API scopes authenticate (`registerAdminAuth(scope, web.adminAuth)`). */
  adminAuth: AdminAuthDeps;
  media: MediaService;
}
