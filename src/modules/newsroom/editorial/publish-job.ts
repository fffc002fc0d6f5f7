import { z } from 'zod';
import { defineJob } from '../../jobs/index.js';

/** Scheduled publishing: publishes one translation at its time (`EditorialService.publishScheduled`). */
export const publishStoryJob = defineJob('story.publish', z.object({ translationId: z.string(), scheduledFor: z.string() }));

/** One job per (translation, time): rescheduling cancels the old key and enqueues the new one. */
export function publishJobKey(translationId: string, at: Date): string {
  return `${publishStoryJob.type}:${translationId}:${at.toISOString()}`;
}
