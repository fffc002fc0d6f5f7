import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** Admin API helpers for tests: sign in, keep the cookie and CSRF token, send requests with them. */
export const API = '/admin/api/v1';
export const ADMIN = { email: 'ada@example.org', name: 'Ada Admin', password: 'correct horse battery' };

export interface StaffSession {
  cookie: string;
  csrf: string;
  staff: { id: string; email: string; name: string; role: string; locales: string[]; createdAt: string };
}

/** The `name=value` of the mh_staff cookie a response sets, or null. */
export function staffCookie(res: LightMyRequestResponse): string | null {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const found = all.find((c) => c.startsWith('mh_staff='));
  return found ? (found.split(';')[0] as string) : null;
}

export function setCookieHeader(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  return (Array.isArray(header) ? header : [header ?? '']).find((c) => c.startsWith('mh_staff=')) ?? '';
}

function sessionFrom(res: LightMyRequestResponse): StaffSession {
  const cookie = staffCookie(res);
  if (!cookie) throw new Error(`No session cookie (status ${res.statusCode}: ${res.body})`);
  const body = res.json() as { staff: StaffSession['staff']; csrfToken: string };
  return { cookie, csrf: body.csrfToken, staff: body.staff };
}

export async function setUpAdmin(app: FastifyInstance, admin = ADMIN): Promise<StaffSession> {
  const res = await app.inject({ method: 'POST', url: `${API}/setup`, payload: admin });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<StaffSession> {
  const res = await app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A request as the admin app sends it: the session cookie, and the CSRF header on writes. */
export function asStaff(app: FastifyInstance, session: StaffSession, method: Method, path: string, payload?: object) {
  return app.inject({
    method,
    url: `${API}${path}`,
    headers: { cookie: session.cookie, ...(method !== 'GET' && { 'x-csrf-token': session.csrf }) },
    ...(payload !== undefined && { payload }),
  });
}

/** A request as an integration sends it: a Bearer API key, no cookie, no CSRF header. */
export function withKey(app: FastifyInstance, secret: string, method: Method, path: string, payload?: object) {
  return app.inject({
    method,
    url: `${API}${path}`,
    headers: { authorization: `Bearer ${secret}` },
    ...(payload !== undefined && { payload }),
  });
}
