import { createMemberStores } from '../../adapters/db/repositories/members/index.js';
import { createStaffStores } from '../../adapters/db/repositories/staff/index.js';
import { createMailer } from '../../adapters/mail/create-mailer.js';
import type { Handlers } from '../../modules/jobs/index.js';
import { membersJobHandlers } from '../../modules/members/index.js';
import { staffJobHandlers } from '../../modules/newsroom/staff/index.js';
import type { Services } from '../container.js';
import { jsonLineLog } from './jobs-wiring.js';

/**
 * The jobs that send mail (password resets, sign-in links): requests only enqueue them, the worker
 * sends them over one mailer, and a refused mail is retried with the queue's backoff.
 */
export function mailJobHandlers(services: Services): Handlers {
  const { config, clock, database } = services;
  // Without SMTP_URL the logging mailer writes to the jobs' log (the link itself only in development).
  const mailer = createMailer(config, jsonLineLog(config.logLevel));
  const links = { clock, mailer, publicUrl: config.publicUrl, siteName: config.siteName };
  return {
    ...staffJobHandlers({ stores: createStaffStores(database.db), ...links }),
    ...membersJobHandlers({ stores: createMemberStores(database.db, database.dialect), ...links }),
  };
}
