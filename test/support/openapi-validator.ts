/**
 * Adapter for express-openapi-validator (the only file that imports it, or express): a real
 * OpenAPI 3.1 / JSON Schema 2020-12 validator (Ajv 2020 and ajv-formats underneath) that checks
 * replayed requests and recorded responses against a generated document. Two loopback servers
 * share one document: one validates requests only, the other responses only, so a request that
 * fails does not hide its response.
 *
 * Settings, and why (README, Conformance):
 * - unknown query parameters are allowed: OpenAPI does not forbid them, and a capture cannot
 *   list every parameter an API takes (the validator's default rejects them);
 * - security is not checked: recorders drop credentials (Chrome strips `Authorization`), and
 *   which credential an endpoint wants is not what this test measures;
 * - formats are checked in full (`validateFormats: 'full'`), so a claimed `format` must hold.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';

/** One recorded exchange to replay: the request as sent, the response as received. */
export interface ReplayExchange {
  method: string;
  /** Path and query as sent (`/api/items?id=3`). */
  target: string;
  headers: [string, string][];
  body?: Uint8Array;
  response: {
    status: number;
    contentType: string;
    /** A JSON value to validate (`res.json`), or undefined for no body. */
    json?: unknown;
    /** Whether the body is JSON at all (else it is not validated: only JSON bodies are). */
    hasJson: boolean;
  };
}

export interface Verdict {
  /** `ok`, `missing` (no such operation in the document) or the validator's message. */
  request: string;
  /** `ok`, `unchecked` (no JSON body), `missing`, or the validator's message. */
  response: string;
}

export interface ReplayValidator {
  check(exchange: ReplayExchange): Promise<Verdict>;
  close(): Promise<void>;
}

const HEADER_ID = 'x-har2api-replay';

export async function startReplayValidator(document: object): Promise<ReplayValidator> {
  const pending = new Map<string, ReplayExchange>();
  const responseErrors = new Map<string, string>();
  let next = 0;

  const requestApp = (coerceTypes: boolean) => {
    const app = express();
    app.use(...bodyParsers());
    app.use(
      OpenApiValidator.middleware({
        apiSpec: structuredClone(document) as never,
        validateRequests: { allowUnknownQueryParameters: true, coerceTypes },
        validateResponses: false,
        validateSecurity: false,
        validateFormats: true,
        ajvFormats: { mode: 'full' },
        validateApiSpec: true,
      }),
    );
    app.use((_req: Request, res: Response) => {
      res.status(200).type('text/plain').send('ok');
    });
    app.use((error: ReplayError, _req: Request, res: Response, _next: NextFunction) => {
      res.status(200).type('text/plain').send(classify(error));
    });
    return app;
  };

  const responseApp = express();
  responseApp.use(...bodyParsers());
  responseApp.use(
    OpenApiValidator.middleware({
      apiSpec: structuredClone(document) as never,
      validateRequests: false,
      validateResponses: {
        onError: (error: { message?: string }, _body: unknown, req: Request) => {
          responseErrors.set(String(req.headers[HEADER_ID]), error.message ?? 'error');
        },
      },
      validateSecurity: false,
      validateFormats: true,
      ajvFormats: { mode: 'full' },
      validateApiSpec: false,
    }),
  );
  responseApp.use((req: Request, res: Response) => {
    const recorded = pending.get(String(req.headers[HEADER_ID]))!.response;
    res.status(recorded.status);
    if (recorded.contentType) res.setHeader('content-type', recorded.contentType);
    if (recorded.hasJson) res.json(recorded.json);
    else res.end();
  });
  responseApp.use((error: ReplayError, req: Request, res: Response, _next: NextFunction) => {
    responseErrors.set(String(req.headers[HEADER_ID]), classify(error));
    if (!res.headersSent) res.status(599).end();
  });

  // Form fields travel as text, typed by the schema (OpenAPI's `style: form`): that server
  // coerces them, as it does query parameters; JSON bodies are never coerced.
  const [jsonServer, formServer, responseServer] = await Promise.all([listen(requestApp(false)), listen(requestApp(true)), listen(responseApp)]);
  const send = (server: Server, exchange: ReplayExchange, id: string) =>
    fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${exchange.target}`, {
      method: exchange.method,
      headers: [...exchange.headers, [HEADER_ID, id]],
      ...(exchange.body !== undefined ? { body: exchange.body } : {}),
    });

  return {
    async check(exchange) {
      const id = String(next++);
      pending.set(id, exchange);
      try {
        const type = exchange.headers.find(([name]) => name === 'content-type')?.[1] ?? '';
        const server = /^application\/x-www-form-urlencoded/i.test(type) ? formServer : jsonServer;
        let request: string;
        try {
          request = await (await send(server, exchange, id)).text();
          await (await send(responseServer, exchange, id)).arrayBuffer();
        } catch (error) {
          // A request fetch refuses to send as recorded (a forbidden header value, a WebSocket upgrade).
          const reason = `unreplayable: ${(error as Error).message}`;
          return { request: reason, response: reason };
        }
        const error = responseErrors.get(id);
        const response = error ?? (exchange.response.hasJson ? 'ok' : 'unchecked');
        return { request, response };
      } finally {
        pending.delete(id);
        responseErrors.delete(id);
      }
    },
    async close() {
      await Promise.all([jsonServer, formServer, responseServer].map((server) => new Promise<void>((done) => server.close(() => done()))));
    },
  };
}

type ReplayError = { status?: number; message?: string; errors?: unknown[] };

/** busboy's words for a multipart body that ends early or is malformed as recorded. */
const MULTIPART_DAMAGE = /Unexpected end of form|Malformed part header|Multipart: Boundary not found/;

/**
 * `missing` when the document has no such operation; `unreplayable: …` when the failure is not
 * the document's (a body the recorder cut short, a charset no server reads, a path the
 * validator's router cannot compile); else the validator's message.
 */
function classify(error: ReplayError): string {
  if (error.status === 404 || error.status === 405) return 'missing';
  if (!Array.isArray(error.errors) || MULTIPART_DAMAGE.test(error.message ?? '')) return `unreplayable: ${error.message ?? 'error'}`;
  return error.message ?? 'error';
}

/** Bodies as a server would read them: JSON (any `+json` too, scalars allowed), text, forms, the rest raw. */
function bodyParsers() {
  const isJson = (req: { headers: Record<string, unknown> }) => /^application\/(?:[\w.+-]*\+)?json\b/i.test(String(req.headers['content-type'] ?? ''));
  return [
    express.json({ type: isJson, strict: false, limit: '64mb' }),
    express.text({ type: 'text/*', limit: '64mb' }),
    express.urlencoded({ extended: false, limit: '64mb' }),
  ];
}

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
