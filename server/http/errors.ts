import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { MAX_BODY_BYTES, type ApiError } from '../../shared/api/auth';
import type { ApiErrorCode } from '../../shared/api/errors';

type ErrorDetail = ApiError['error'];
type Issue = NonNullable<ErrorDetail['issues']>[number];

/**
 * A failure a handler means to send: status, code and a message written for the person who will
 * read it. Anything else thrown is a fault and leaves as a bare 500 INTERNAL.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly detail: { issues?: Issue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): ApiError {
    return { error: { code: this.code, message: this.message, ...this.detail } };
  }
}

/** Flattens zod issues; an unknown field becomes one issue named after the field itself. */
export function issuesOfBody(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: 'Unknown field.' }));
    }
    return [{ path: at.join('.'), message: issue.message }];
  });
}

/** Parses a request body with its shared schema; failures become 400 INVALID_INPUT with issues. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = issuesOfBody(parsed.error);
  const first = issues[0];
  const where = first ? (first.path === '' ? 'the body' : first.path) : 'the body';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new HttpError(400, 'INVALID_INPUT', `Invalid request: ${where}: ${first?.message ?? 'not accepted'}${more}`, { issues });
}

const INTERNAL_MESSAGE = 'Something went wrong on the Kalma server. Try again; if it keeps happening, tell your administrator.';

/** Turns Fastify's own request errors (body parsing, limits) into the API's error shape. */
function fromFastifyError(error: FastifyError, bodyLimit: number): HttpError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'INVALID_INPUT', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'INVALID_INPUT', 'The request body is empty but says it is JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the ${bodyLimit / 1024} KiB the server accepts.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'INVALID_INPUT', 'The request body does not match its Content-Length.');
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new HttpError(status, 'INVALID_INPUT', 'The server could not read this request.');
  return null;
}

/**
 * One error handler for the whole server: known failures keep their code and message; faults are
 * logged with their stack and answered with a generic 500, so no stack trace or SQL leaves.
 * Parser messages are never echoed either: V8 quotes the offending JSON, which may hold a password.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A route may take more than the default (a role-play recording): say its own limit.
    const known = error instanceof HttpError ? error : fromFastifyError(error, request.routeOptions.bodyLimit ?? MAX_BODY_BYTES);
    if (known) {
      request.log.info({ code: known.code, statusCode: known.statusCode }, 'request refused');
      if (known.detail.retryAfterSeconds !== undefined) void reply.header('retry-after', String(known.detail.retryAfterSeconds));
      return reply.code(known.statusCode).send(known.body());
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } } satisfies ApiError);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `There is no ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)} on this server.` } } satisfies ApiError),
  );
}
