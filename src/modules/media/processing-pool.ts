import { AppError } from '../../shared/errors.js';

/**
 * How much image work one process takes on. Decoding a 40-megapixel image holds ~100 MB and a CPU
 * core for seconds, so the work is admitted (per account and in total) before the upload is even
 * read, and then runs a few at a time.
 */
export interface ProcessingLimits {
  /** Images decoded and encoded at the same time in this process. */
  workers: number;
  /** Uploads one account may have in progress (waiting or processing) at the same time. */
  perAccount: number;
  /** Uploads that may wait for a worker, across accounts, beyond those being processed. */
  queue: number;
}

export interface ProcessingStats extends ProcessingLimits {
  /** Admitted uploads not finished yet (being read, waiting or processing). */
  inProgress: number;
  /** Images being decoded and encoded now; never above `workers`. */
  running: number;
  /** Images waiting for a worker. */
  waiting: number;
  /** The most images ever processed at the same time since start. */
  peakRunning: number;
  /** Images processed since start (successfully or not). */
  processed: number;
  /** Uploads refused since start because an account or the process had too many in progress. */
  refused: number;
}

/** An admitted upload: hold it while the upload is read and ingested, then release it (once). */
export interface UploadTicket {
  release(): void;
}

/** Seconds a refused client is told to wait: about one image's processing time. */
export const RETRY_AFTER_SECONDS = 10;

/**
 * The bounded pool behind image ingest: admission (`admit`, per account and in total, refusing
 * with `rate_limited` / 429 beyond) and execution (`run`, at most `workers` tasks at once, the
 * rest waiting in order). Memory is bounded by it too: at most `workers` images are decoded, and
 * at most `workers + queue` uploads are held in memory at once.
 */
export class ProcessingPool {
  private readonly byAccount = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];
  private inProgress = 0;
  private running = 0;
  private peakRunning = 0;
  private processed = 0;
  private refused = 0;

  constructor(readonly limits: ProcessingLimits) {
    for (const [key, value] of Object.entries(limits)) {
      if (!Number.isInteger(value) || value < (key === 'queue' ? 0 : 1))
        throw new RangeError(`processing limit ${key} must be a whole number`);
    }
  }

  /** Admits one upload of `account`, or refuses it (429) when the account or the process is at its limit. */
  admit(account: string): UploadTicket {
    const mine = this.byAccount.get(account) ?? 0;
    if (mine >= this.limits.perAccount) {
      this.refused++;
      throw new AppError('rate_limited', `You already have ${mine} image uploads in progress; wait until one finishes, then try again`, {
        reason: 'uploads_per_account',
        limit: this.limits.perAccount,
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    }
    if (this.inProgress >= this.limits.workers + this.limits.queue) {
      this.refused++;
      throw new AppError('rate_limited', 'The server is processing as many images as it can; try again shortly', {
        reason: 'uploads_in_progress',
        limit: this.limits.workers + this.limits.queue,
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    }
    this.byAccount.set(account, mine + 1);
    this.inProgress++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inProgress--;
        const left = (this.byAccount.get(account) ?? 1) - 1;
        if (left > 0) this.byAccount.set(account, left);
        else this.byAccount.delete(account);
      },
    };
  }

  /** Runs `task` when a worker is free (in arrival order); at most `workers` run at once. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.workers) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.running++;
    this.peakRunning = Math.max(this.peakRunning, this.running);
    try {
      return await task();
    } finally {
      this.processed++;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot overtake it.
      if (next) next();
      else this.running--;
    }
  }

  stats(): ProcessingStats {
    return {
      ...this.limits,
      inProgress: this.inProgress,
      running: this.running,
      waiting: this.waiters.length,
      peakRunning: this.peakRunning,
      processed: this.processed,
      refused: this.refused,
    };
  }
}
