/**
 * One endpoint group (method + host + template, with its exchanges) to a model `Endpoint`.
 */
import type { Exchange, Payload } from '../exchange.js';
import type { Endpoint, Response } from '../model.js';
import type { EndpointGroup } from '../normalise/templates.js';
import { inferBodies } from './bodies.js';
import { inferGraphql } from './graphql.js';
import { inferAuth, inferHeaders, inferQueryParams } from './params.js';
import { inferWebSocket } from './websocket.js';

export async function inferEndpoint(group: EndpointGroup): Promise<Endpoint> {
  const { exchanges } = group;
  const statusCounts: Record<string, number> = {};
  const byStatus = new Map<number, Exchange[]>();
  for (const exchange of exchanges) {
    const status = exchange.response.status;
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    const list = byStatus.get(status);
    if (list) list.push(exchange);
    else byStatus.set(status, [exchange]);
  }
  const responses: Response[] = [];
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const list = byStatus.get(status)!;
    responses.push({ status, seen: list.length, bodies: await inferBodies(payloadsOf(list.map((e) => e.response.body))) });
  }
  const endpoint: Endpoint = {
    key: `${group.method} ${group.host} ${group.path}`,
    method: group.method,
    host: group.host,
    path: group.path,
    observed: exchanges.length,
    statusCounts,
    pathParams: group.pathParams,
    queryParams: inferQueryParams(exchanges),
    headers: inferHeaders(exchanges),
    auth: inferAuth(exchanges),
    requestBodies: await inferBodies(payloadsOf(exchanges.map((e) => e.request.body))),
    responses,
  };
  const graphql = await inferGraphql(exchanges);
  if (graphql) endpoint.graphql = graphql;
  const websocket = await inferWebSocket(exchanges);
  if (websocket) endpoint.websocket = websocket;
  return endpoint;
}

/**
 * The bodies worth describing: every non-empty one, and empty ones that declared a media type
 * (an event stream the recorder kept no content of is still an event stream).
 */
function payloadsOf(bodies: (Payload | null)[]): Payload[] {
  return bodies.filter((b): b is Payload => b !== null && (b.content.kind !== 'empty' || b.mediaType !== ''));
}
