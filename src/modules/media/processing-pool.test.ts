import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { ProcessingPool } from './processing-pool.js';

/** A task the test finishes by hand, so "at once" is decided by the test, not by timing. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, task: () => opened };
}

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('was admitted');
};

describe('image processing pool', () => {
  it('runs at most `workers` tasks at once, the rest in arrival order as workers free up', async () => {
    const pool = new ProcessingPool({ workers: 2, perAccount: 10, queue: 10 });
    const gates = Array.from({ length: 5 }, gate);
    const order: number[] = [];
    const runs = gates.map((g, i) =>
      pool.run(async () => {
        order.push(i);
        await g.task();
      }),
    );
    await Promise.resolve();
    expect(pool.stats()).toMatchObject({ running: 2, waiting: 3, peakRunning: 2 });
    expect(order).toEqual([0, 1]);
    gates[1]!.open();
    await runs[1];
    await Promise.resolve();
    expect(order).toEqual([0, 1, 2]);
    expect(pool.stats()).toMatchObject({ running: 2, waiting: 2 });
    for (const g of gates) g.open();
    await Promise.all(runs);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(pool.stats()).toMatchObject({ running: 0, waiting: 0, peakRunning: 2, processed: 5 });
  });

  it('frees the worker when a task fails', async () => {
    const pool = new ProcessingPool({ workers: 1, perAccount: 1, queue: 0 });
    await expect(pool.run(async () => Promise.reject(new Error('corrupt')))).rejects.toThrow('corrupt');
    await expect(pool.run(async () => 'next')).resolves.toBe('next');
    expect(pool.stats()).toMatchObject({ running: 0, processed: 2 });
  });

  it('admits a few uploads per account and a bounded number in total, refusing the rest with 429 until one is released', () => {
    const pool = new ProcessingPool({ workers: 1, perAccount: 2, queue: 2 });
    const a1 = pool.admit('staff-a');
    pool.admit('staff-a');
    const perAccount = refusal(() => pool.admit('staff-a'));
    expect(perAccount).toBeInstanceOf(AppError);
    expect(perAccount).toMatchObject({ code: 'rate_limited', details: { reason: 'uploads_per_account', limit: 2, retryAfterSeconds: 10 } });

    pool.admit('staff-b');
    const total = refusal(() => pool.admit('staff-c'));
    expect(total).toMatchObject({ code: 'rate_limited', details: { reason: 'uploads_in_progress', limit: 3 } });
    expect(pool.stats()).toMatchObject({ inProgress: 3, refused: 2 });

    a1.release();
    a1.release(); // a second release changes nothing
    expect(pool.stats().inProgress).toBe(2);
    pool.admit('staff-c');
    expect(refusal(() => pool.admit('staff-d')).details.reason).toBe('uploads_in_progress');
  });

  it('refuses limits that are not whole numbers', () => {
    expect(() => new ProcessingPool({ workers: 0, perAccount: 1, queue: 0 })).toThrow(RangeError);
    expect(() => new ProcessingPool({ workers: 1, perAccount: 1.5, queue: 0 })).toThrow(RangeError);
  });
});
