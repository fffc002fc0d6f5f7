import type { FastifyRequest } from 'fastify';

const MAX_PAGE = 10_000;

/** ?page=N: absent means 1; anything but a whole number from 1 to MAX_PAGE is a bad request (null). */
export function pageNumber(request: FastifyRequest): number | null {
  const raw = (request.query as Record<string, unknown>).page;
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,4}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}
