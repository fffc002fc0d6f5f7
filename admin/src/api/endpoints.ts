/** One function per endpoint of docs/admin-api.md, named after what it does. */
import { api, query } from './client';
import type {
  ApiKey,
  AuditEntry,
  Correction,
  DeskItem,
  DiffSet,
  MediaImage,
  Paged,
  Provenance,
  RevisionSummary,
  SaveInput,
  Role,
  SessionAnswer,
  SourceChanges,
  Staff,
  StoryListItem,
  StoryStatus,
  TaxonomyItem,
  TopicKind,
  Translation,
  TranslationInput,
} from './types';

// ---- Session and staff ---------------------------------------------------------------------------

export const sessionApi = {
  setupNeeded: () => api<{ needed: boolean }>('GET', '/setup', undefined, { quietUnauthorized: true }),
  setup: (input: { email: string; name: string; password: string }) => api<SessionAnswer>('POST', '/setup', input),
  signIn: (input: { email: string; password: string }) => api<SessionAnswer>('POST', '/session', input, { quietUnauthorized: true }),
  current: () => api<SessionAnswer>('GET', '/session', undefined, { quietUnauthorized: true }),
  signOut: () => api<void>('DELETE', '/session'),
  signOutEverywhere: () => api<void>('POST', '/session/sign-out-everywhere'),
  /** Needs the current password; every other session of the account ends. */
  changePassword: (currentPassword: string, newPassword: string) =>
    api<void>('POST', '/session/password', { currentPassword, newPassword }),
  requestPasswordReset: (email: string) => api<void>('POST', '/password-reset', { email }, { quietUnauthorized: true }),
  confirmPasswordReset: (token: string, password: string) =>
    api<void>('POST', '/password-reset/confirm', { token, password }, { quietUnauthorized: true }),
};

export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  locales?: string[];
  password: string;
}

export const staffApi = {
  list: () => api<{ items: Staff[] }>('GET', '/staff'),
  create: (input: NewStaff) => api<Staff>('POST', '/staff', input),
  update: (id: string, input: { role?: Role; locales?: string[]; name?: string }) =>
    api<Staff>('PATCH', `/staff/${encodeURIComponent(id)}`, input),
  deactivate: (id: string) => api<Staff>('POST', `/staff/${encodeURIComponent(id)}/deactivate`),
  reactivate: (id: string) => api<Staff>('POST', `/staff/${encodeURIComponent(id)}/reactivate`),
  remove: (id: string) => api<void>('DELETE', `/staff/${encodeURIComponent(id)}`),
  listKeys: () => api<{ items: ApiKey[] }>('GET', '/api-keys'),
  createKey: (input: { name: string; role: Role }) => api<{ apiKey: ApiKey; secret: string }>('POST', '/api-keys', input),
  revokeKey: (id: string) => api<void>('DELETE', `/api-keys/${encodeURIComponent(id)}`),
  audit: (page: number) => api<Paged<AuditEntry>>('GET', `/audit${query({ page })}`),
};

// ---- Stories and translations --------------------------------------------------------------------

export interface StoryFilters {
  status?: string;
  locale?: string;
  sectionId?: string;
  authorId?: string;
  topicId?: string;
  q?: string;
  page?: number;
}

const tid = (id: string) => `/translations/${encodeURIComponent(id)}`;

export const storiesApi = {
  list: (filters: StoryFilters, signal?: AbortSignal) =>
    api<Paged<StoryListItem>>('GET', `/stories${query({ ...filters })}`, undefined, { signal }),
  calendar: (from: string, to: string, signal?: AbortSignal) =>
    api<{ items: StoryListItem[] }>('GET', `/stories/calendar${query({ from, to })}`, undefined, { signal }),
  create: (input: TranslationInput & { locale: string }) => api<Translation>('POST', '/stories', input),
  get: (id: string) => api<Translation>('GET', tid(id)),
  /** With the versions it was based on (SaveInput): a stale one is a 409 and nothing is written. */
  save: (id: string, input: SaveInput) => api<Translation>('PUT', tid(id), input),
  /** With the version the screen shows, so a status never changes on text someone else has changed. */
  transition: (id: string, to: StoryStatus, version: number, publishAt?: string) =>
    api<Translation>('POST', `${tid(id)}/transitions`, publishAt ? { to, publishAt, version } : { to, version }),
  /** Newest first, a page at a time: pass the previous page's `nextBefore` for older ones. */
  revisions: (id: string, before?: number | null) =>
    api<{ items: RevisionSummary[]; nextBefore?: number | null }>(
      'GET',
      `${tid(id)}/revisions${query({ limit: 20, before: before ?? undefined })}`,
    ),
  revisionDiff: (id: string, revisionId: string) => api<DiffSet>('GET', `${tid(id)}/revisions/${encodeURIComponent(revisionId)}/diff`),
  restoreRevision: (id: string, revisionId: string, version: number) =>
    api<Translation>('POST', `${tid(id)}/revisions/${encodeURIComponent(revisionId)}/restore`, { version }),
  corrections: (id: string) => api<{ items: Correction[] }>('GET', `${tid(id)}/corrections`),
  addCorrection: (id: string, input: { kind: 'correction' | 'update'; text: string }) =>
    api<Correction>('POST', `${tid(id)}/corrections`, input),
  translate: (storyId: string, input: { locale: string; provenance: Exclude<Provenance, 'original'>; provenanceCredit?: string }) =>
    api<Translation>('POST', `/stories/${encodeURIComponent(storyId)}/translations`, input),
  desk: (locale: string, signal?: AbortSignal) =>
    api<{ items: DeskItem[] }>('GET', `/translation-desk${query({ locale })}`, undefined, { signal }),
  sourceChanges: (id: string) => api<SourceChanges>('GET', `${tid(id)}/source-changes`),
  markSynced: (id: string, version: number) => api<Translation>('POST', `${tid(id)}/mark-synced`, { version }),
};

// ---- Taxonomy and media --------------------------------------------------------------------------

export const taxonomyApi = {
  sections: () => api<{ items: TaxonomyItem[] }>('GET', '/sections'),
  authors: () => api<{ items: TaxonomyItem[] }>('GET', '/authors'),
  topics: (q?: string, signal?: AbortSignal) => api<{ items: TaxonomyItem[] }>('GET', `/topics${query({ q })}`, undefined, { signal }),
  createTopic: (input: { kind: TopicKind; names: { locale: string; name: string; slug?: string }[] }) =>
    api<TaxonomyItem>('POST', '/topics', input),
  updateTopic: (id: string, input: { kind?: TopicKind; names?: NameInput[] }) =>
    api<TaxonomyItem>('PATCH', `/topics/${encodeURIComponent(id)}`, input),
  createSection: (input: { names: NameInput[]; position?: number }) => api<TaxonomyItem>('POST', '/sections', input),
  updateSection: (id: string, input: { names?: NameInput[]; position?: number }) =>
    api<TaxonomyItem>('PATCH', `/sections/${encodeURIComponent(id)}`, input),
  deleteSection: (id: string) => api<void>('DELETE', `/sections/${encodeURIComponent(id)}`),
  createAuthor: (input: AuthorInput) => api<TaxonomyItem>('POST', '/authors', input),
  updateAuthor: (id: string, input: Partial<AuthorInput>) => api<TaxonomyItem>('PATCH', `/authors/${encodeURIComponent(id)}`, input),
  deleteAuthor: (id: string) => api<void>('DELETE', `/authors/${encodeURIComponent(id)}`),
};

/** A name in one locale as the taxonomy writes take it (a missing slug is kept, or made from the name). */
export interface NameInput {
  locale: string;
  name: string;
  slug?: string;
  bio?: string;
}

/** POST/PATCH /authors: one byline (the default edition's name), a bio per locale, a photo, a staff account. */
export interface AuthorInput {
  names: NameInput[];
  photoImageId?: string | null;
  staffId?: string | null;
}

export interface UploadInput {
  file: File;
  alt: string;
  caption?: string;
  creditAgency?: string;
  creditPhotographer?: string;
  locale: string;
}

export const mediaApi = {
  list: (q: string, page: number, signal?: AbortSignal) =>
    api<Paged<MediaImage>>('GET', `/media${query({ q, page })}`, undefined, { signal }),
  get: (id: string, signal?: AbortSignal) => api<MediaImage>('GET', `/media/${encodeURIComponent(id)}`, undefined, { signal }),
  upload: (input: UploadInput) => {
    const form = new FormData();
    // Text fields first: a streaming multipart parser sees them before the file.
    form.set('alt', input.alt);
    if (input.caption) form.set('caption', input.caption);
    if (input.creditAgency) form.set('creditAgency', input.creditAgency);
    if (input.creditPhotographer) form.set('creditPhotographer', input.creditPhotographer);
    form.set('locale', input.locale);
    form.set('file', input.file, input.file.name);
    return api<MediaImage>('POST', '/media', form);
  },
};
