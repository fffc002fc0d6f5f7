import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { imageFieldsSchema, libraryQuerySchema, type MediaImage, type MediaService } from '../../../modules/media/index.js';
import { AppError, invalidInput, notFound } from '../../../shared/errors.js';
import { ADMIN_API_PREFIX, requirePermission } from './admin-auth.js';
import { refuseNul } from '../plugins/nul-guard.js';

const PREFIX = `${ADMIN_API_PREFIX}/media`;
/** Room for the five image fields and some unknown ones, which the schema then names as invalid. */
const MAX_FIELDS = 20;

/** Uploading and browsing the library: staff (or API keys) whose role has `media.upload`. */
async function authorize(request: FastifyRequest): Promise<void> {
  requirePermission(request, 'media.upload');
}

/** Whose uploads count together: the staff member (their API keys included). */
const accountOf = (request: FastifyRequest) => requirePermission(request, 'media.upload').staffId;

/**
 * POST /admin/api/v1/media (multipart: file + image fields), GET /admin/api/v1/media?q=&page=,
 * GET /admin/api/v1/media/processing and GET /admin/api/v1/media/:id.
 * An upload is admitted by the processing pool before its body is read (429 when the account or
 * the process has too many in progress) and answers 201 only once its renditions are stored.
 * Multipart is registered in this module's scope only, with limits matching the ingest limits, so
 * an oversized file is cut off while streaming instead of being buffered whole. The scope must
 * have registerAdminAuth (the wiring does it); authorization runs before the body is read.
 */
export async function registerMediaRoutes(app: FastifyInstance, media: MediaService): Promise<void> {
  const maxBytes = media.limits.maxBytes;
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: 8 * 1024, parts: MAX_FIELDS + 1, headerPairs: 50 },
  });

  app.post(PREFIX, { preHandler: authorize }, async (request, reply) => {
    const ticket = media.admitUpload(accountOf(request));
    try {
      const { bytes, fields } = await readUpload(request, maxBytes);
      const image = await media.ingest({ ...parse(imageFieldsSchema, fields), bytes });
      return await reply.code(201).send(presentImage(image));
    } finally {
      ticket.release();
    }
  });

  app.get(`${PREFIX}/processing`, { preHandler: authorize }, async () => media.processingStats());

  app.get(PREFIX, { preHandler: authorize }, async (request) => {
    const page = await media.library(parse(libraryQuerySchema, request.query));
    return { ...page, items: page.items.map(presentImage) };
  });

  app.get<{ Params: { id: string } }>(`${PREFIX}/:id`, { preHandler: authorize }, async (request) => {
    const image = await media.findById(request.params.id);
    if (!image) throw notFound('No image with this id', { id: request.params.id });
    return presentImage(image);
  });
}

async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ bytes: Buffer; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the image as multipart/form-data', {});
  const fields: Record<string, string> = {};
  let bytes: Buffer | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || bytes) throw invalidInput('Send exactly one file, in the field "file"', { field: part.fieldname });
      bytes = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('payload_too_large', `The file is larger than ${maxBytes / (1024 * 1024)} MB`, { maxBytes });
        }
        throw error;
      });
    } else {
      if (part.valueTruncated) throw invalidInput(`The field "${part.fieldname}" is too long`, { field: part.fieldname });
      refuseNul(part.fieldname);
      refuseNul(String(part.value));
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!bytes || bytes.length === 0) throw invalidInput('Attach the image in the field "file"', { field: 'file' });
  return { bytes, fields };
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw invalidInput('Some fields are missing or invalid', {
      issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return result.data;
}

/** The API's `Image`: camelCase, ISO timestamps, every stored file. */
export function presentImage(image: MediaImage) {
  return { ...image, createdAt: image.createdAt.toISOString() };
}
