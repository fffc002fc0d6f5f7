export type {
  Tx,
  JobStatus,
  NewJob,
  Enqueued,
  EnqueueJob,
  JobSubmitter,
  ClaimedJob,
  ClaimRequest,
  JobRecord,
  JobQueue,
} from './job-queue.js';
export { DEFAULT_MAX_ATTEMPTS } from './job-queue.js';
export {
  defineJob,
  jobHandler,
  PermanentJobError,
  type Handlers,
  type JobContext,
  type JobDefinition,
  type JobHandler,
} from './job-handlers.js';
export { exponentialBackoff, type Backoff } from './backoff.js';
export { runClaimedJob, type JobOutcome } from './run-job.js';
export { startWorker, DEFAULT_LEASE_MS, type JobWorker, type WorkerOptions } from './worker.js';
