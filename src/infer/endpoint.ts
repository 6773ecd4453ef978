/**
 * One endpoint group (method + host + template) to a model `Endpoint`, from its exchanges fed one
 * at a time: a big capture can then stream its exchanges through inference and drop each one
 * once added. Nothing here keeps an exchange; every part keeps only its evidence and the few
 * bounded keep-sakes its output needs, each named where it is kept (bodies.ts, params.ts,
 * events.ts, graphql.ts, observe-json.ts).
 */
import type { Exchange, Payload } from '../exchange.js';
import type { Endpoint, PathParam, Response } from '../model.js';
import type { Credential } from '../normalise/credentials.js';
import type { EndpointGroup } from '../normalise/templates.js';
import { isWebSocket } from '../normalise/traffic.js';
import { BodiesAccumulator } from './bodies.js';
import { selectsFields, withoutRequiredFields } from './field-selection.js';
import type { Gate } from './gate.js';
import { GraphqlAccumulator } from './graphql.js';
import { AuthAccumulator, HeadersAccumulator, QueryParamsAccumulator } from './params.js';
import type { SchemaRunner } from './quicktype.js';
import { CookieContents, RequestExampleAccumulator } from './request-example.js';
import { ResponseHeadersAccumulator } from './response-headers.js';
import { WebSocketAccumulator } from './websocket.js';

/** An endpoint group as the gate shows it: the path and the path parameters' examples redacted. */
export type ShownGroup = Omit<EndpointGroup, 'exchanges' | 'pathParams'> & { pathParams: PathParam[] };

export interface EndpointAccumulator {
  /**
   * Takes one exchange of the group into account; keeps no reference to it. `credentials` are
   * those the request sent, decided on its original values (normalise/credentials.ts).
   */
  add(exchange: Exchange, credentials?: readonly Credential[]): void;
  /**
   * Starts the work `finish` waits on (body schemas on quicktype's thread), so that it runs
   * while other endpoints finish. Optional; call after the last `add`.
   */
  prepare(): void;
  /** The endpoint over every exchange added. Call once, after the last `add`. */
  finish(): Promise<Endpoint>;
}

/** What an endpoint shares with the run beyond the gate. */
export interface EndpointRun {
  /** The endpoint's resource (infer/resource.ts); none when absent. */
  resource?: string;
  /** The cookie contents decided over the whole run (request-example.ts). */
  cookies?: CookieContents;
  /** Where body schemas are inferred (`RunSettings.schemaRunner`); absent: in this thread. */
  schemaRunner?: SchemaRunner | undefined;
}

/**
 * `group` as the gate showed it (path and path-parameter examples); exchanges arrive with their
 * original values, and every value the endpoint keeps goes through `gate`.
 */
export function createEndpointAccumulator(group: ShownGroup, gate: Gate, run: EndpointRun = {}): EndpointAccumulator {
  const { resource = '', cookies = new CookieContents(), schemaRunner } = run;
  // Only these fields are captured: a group passed with its exchanges must not be held by them.
  const { method, host, path, pathParams } = group;
  let observed = 0;
  const statusCounts: Record<string, number> = {};
  const byStatus = new Map<number, BodiesAccumulator>();
  const headersByStatus = new Map<number, ResponseHeadersAccumulator>();
  const example = new RequestExampleAccumulator(group, gate, cookies);
  const queryParams = new QueryParamsAccumulator(gate);
  const headers = new HeadersAccumulator(gate);
  const auth = new AuthAccumulator(gate);
  const requestBodies = new BodiesAccumulator({ gate, place: 'request.body', schemaRunner });
  const graphql = new GraphqlAccumulator(gate, schemaRunner);
  const webSocket = new WebSocketAccumulator(gate, schemaRunner);

  return {
    add(exchange, credentials = []) {
      observed++;
      const status = exchange.response.status;
      // Status 0: no response was recorded (a request-only export, a failed call); only the request counts.
      if (status !== 0) {
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
        let responseBodies = byStatus.get(status);
        if (!responseBodies) byStatus.set(status, (responseBodies = new BodiesAccumulator({ gate, place: 'response.body', schemaRunner })));
        // A 101 switches protocols: what follows is the WebSocket's, not a body.
        if (status !== 101) addPayload(responseBodies, exchange.response.body);
        let responseHeaders = headersByStatus.get(status);
        if (!responseHeaders) headersByStatus.set(status, (responseHeaders = new ResponseHeadersAccumulator(gate)));
        responseHeaders.add(exchange);
      }
      example.add(exchange);
      queryParams.add(exchange);
      headers.add(exchange, credentials);
      auth.add(credentials);
      addPayload(requestBodies, exchange.request.body);
      graphql.add(exchange);
      webSocket.add(exchange, isWebSocket(exchange));
    },
    prepare() {
      requestBodies.prepare();
      for (const bodies of byStatus.values()) bodies.prepare();
    },
    async finish() {
      const query = queryParams.finish();
      // Fields the client picks (`?select=`) are in a response because it asked for them.
      const picked = selectsFields(query);
      const responses: Response[] = [];
      for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
        const bodies = await byStatus.get(status)!.finish();
        responses.push({
          status,
          seen: statusCounts[status]!,
          bodies: picked ? withoutRequiredFields(bodies) : bodies,
          ...headersByStatus.get(status)!.finish(),
        });
      }
      const endpoint: Endpoint = {
        key: `${method} ${host} ${path}`,
        method,
        host,
        path,
        observed,
        statusCounts,
        pathParams,
        queryParams: query,
        headers: headers.finish(),
        ...auth.finish(),
        requestBodies: await requestBodies.finish(),
        responses,
        resource,
      };
      const request = example.finish();
      if (request) endpoint.example = request;
      const operations = await graphql.finish();
      if (operations) endpoint.graphql = operations;
      const stream = await webSocket.finish();
      if (stream) endpoint.websocket = stream;
      return endpoint;
    },
  };
}

/**
 * The bodies worth describing: every non-empty one, and empty ones that declared a media type
 * (an event stream the recorder kept no content of is still an event stream).
 */
function addPayload(bodies: BodiesAccumulator, body: Payload | null): void {
  if (body !== null && (body.content.kind !== 'empty' || body.mediaType !== '')) bodies.add(body);
}
