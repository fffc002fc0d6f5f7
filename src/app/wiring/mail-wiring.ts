import type { Handlers } from '../../modules/jobs/index.js';
import { membersJobHandlers } from '../../modules/members/index.js';
import { staffJobHandlers } from '../../modules/newsroom/staff/index.js';
import type { Services } from '../services.js';

/**
 * The jobs that send mail (password resets, sign-in links): requests only enqueue them, the worker
 * sends them over the process's one mailer, and a refused mail is retried with the queue's backoff.
 */
export function mailJobHandlers(services: Services): Handlers {
  const { config, clock, mailer, stores } = services;
  const links = { clock, mailer, publicUrl: config.publicUrl, siteName: config.siteName };
  return {
    ...staffJobHandlers({ stores: stores.staff, ...links }),
    ...membersJobHandlers({ stores: stores.members, ...links }),
  };
}
