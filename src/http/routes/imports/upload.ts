import path from 'node:path';
import { Readable } from 'node:stream';
import { errorCodes, type FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * The uploaded file, as the stream the route's own parsers hand over. A body another parser took (JSON) or no body
 * at all is no file: refused as an unsupported media type (415), like any type the route does not take.
 */
export function uploadedFile(request: FastifyRequest): Readable {
  if (request.body instanceof Readable) return request.body;
  throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type'] ?? 'none');
}

/** `?fileName=`: kept as its last segment in a temporary folder, so that segment must name a file there. */
export const fileNameQuery = z
  .string()
  .max(200)
  .refine(
    (name) => !['', '.', '..'].includes(path.basename(name)) && !name.includes('\0'),
    'the name of a file: not empty, "." or "..", and without U+0000',
  )
  .optional();
