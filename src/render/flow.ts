/**
 * The capture's main flow, as the data both of its diagrams draw (a Mermaid sequence diagram in
 * the Markdown, an inline SVG in the HTML): the client calls endpoints, and a response hands on
 * the values later calls send (sign-in → token → calls). Built only from the model's producer →
 * consumer links, so it holds names (endpoints, parameters, fields), never a value.
 *
 * Calls come in an order the capture must have made them in: a producer before its consumers
 * (a link exists only when the response came first). Among calls free to go next, one fed by the
 * latest call goes first (a chain is followed to its end, as a session does); a new chain starts
 * at the call that feeds the most others, so a sign-in leads; then the model's order. The diagram is
 * kept short: at most `maxMessages` messages, whole calls only; `calls` and `shown` say when it
 * was cut.
 */
import type { ApiModel, Endpoint, Link, LinkEnd } from '../model.js';
import { compareText } from '../order.js';
import { resourceName } from './resource-groups.js';

export interface Flow {
  /** Who takes part: `[0]` is the client, then hosts (several hosts) or resources, by first message. */
  participants: string[];
  messages: FlowMessage[];
  /** Calls in the whole flow, and how many of them the diagram shows. */
  calls: number;
  shown: number;
}

export interface FlowMessage {
  /** Indexes into `participants`. */
  from: number;
  to: number;
  /** A response handing values on (drawn dashed), or a call. */
  reply: boolean;
  /** `GET /orders/{order_id} (path order_id, header authorization)`, or `body access_token`. */
  text: string;
}

export const MAX_FLOW_MESSAGES = 16;
/** Names listed per message before the rest is `…`; a message or a participant is cut at these lengths. */
const MAX_NAMES = 4;
const MAX_TEXT = 96;
const MAX_LABEL = 40;
export const CLIENT = 'Client';

interface Step {
  endpoint: Endpoint;
  /** Where the values it sends come from: `in name` of its inputs, sorted. */
  inputs: string[];
  /** Values its responses hand on to later calls: `in name`, sorted. */
  outputs: string[];
}

/** The main flow of a model, or null when no call fed another. */
export function buildFlow(model: ApiModel, maxMessages = MAX_FLOW_MESSAGES): Flow | null {
  const links: readonly Link[] = model.links ?? [];
  if (links.length === 0) return null;
  const byKey = new Map(model.endpoints.map((e, i) => [e.key, { endpoint: e, index: i }]));
  const linked = links.filter((l) => byKey.has(l.from.endpoint) && byKey.has(l.to.endpoint));
  if (linked.length === 0) return null;
  const { steps, total } = orderSteps(linked, byKey, maxMessages);

  const multiHost = new Set(steps.map((s) => s.endpoint.host)).size > 1;
  const apiRoots = new Map(model.hosts.map((h) => [h.name, h.apiRoot]));
  const participants = [CLIENT];
  const seat = (endpoint: Endpoint): number => {
    const label = cut(multiHost ? endpoint.host : resourceName(endpoint, apiRoots.get(endpoint.host)), MAX_LABEL);
    const at = participants.indexOf(label, 1);
    return at > 0 ? at : participants.push(label) - 1;
  };
  const messages: FlowMessage[] = [];
  let shown = 0;
  for (const step of steps) {
    const size = step.outputs.length > 0 ? 2 : 1;
    if (messages.length + size > maxMessages) break;
    const to = seat(step.endpoint);
    const call = `${step.endpoint.method} ${step.endpoint.path}`;
    messages.push({ from: 0, to, reply: false, text: cut(step.inputs.length > 0 ? `${call} (${names(step.inputs)})` : call, MAX_TEXT) });
    if (step.outputs.length > 0) messages.push({ from: to, to: 0, reply: true, text: cut(names(step.outputs), MAX_TEXT) });
    shown++;
  }
  return { participants, messages, calls: total, shown };
}

/**
 * Every endpoint a link touches, producers before consumers. Kahn's algorithm; among the ready
 * ones, the one fed by the latest placed call, then most consumers, then model order; only the
 * first `limit` are ordered. A cycle (each fed the other at some point) is
 * broken at its earliest endpoint in that same order.
 */
function orderSteps(
  links: readonly Link[],
  byKey: ReadonlyMap<string, { endpoint: Endpoint; index: number }>,
  limit: number,
): { steps: Step[]; total: number } {
  const inputs = new Map<string, Set<string>>();
  const fedBy = new Map<string, Set<string>>();
  const outputs = new Map<string, Set<string>>();
  const feeds = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string): void => {
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  for (const link of links) {
    add(inputs, link.to.endpoint, endName(link.to, false));
    add(outputs, link.from.endpoint, endName(link.from, true));
    if (!feeds.has(link.to.endpoint)) feeds.set(link.to.endpoint, new Set());
    if (link.from.endpoint !== link.to.endpoint) {
      add(feeds, link.from.endpoint, link.to.endpoint);
      add(fedBy, link.to.endpoint, link.from.endpoint);
    }
  }
  const keys = [...new Set([...inputs.keys(), ...outputs.keys()])];
  const waiting = new Map(keys.map((k) => [k, 0]));
  for (const [from, tos] of feeds) for (const to of tos) if (from !== to) waiting.set(to, waiting.get(to)! + 1);
  const placed = new Map<string, number>();
  const latestFeeder = (key: string): number => Math.max(-1, ...[...(fedBy.get(key) ?? [])].map((k) => placed.get(k) ?? -1));
  const rank = (a: string, b: string): number =>
    latestFeeder(b) - latestFeeder(a) || (feeds.get(b)?.size ?? 0) - (feeds.get(a)?.size ?? 0) || byKey.get(a)!.index - byKey.get(b)!.index;

  const order: string[] = [];
  const done = new Set<string>();
  // Each call is at least one message: no more than `limit` can be shown.
  while (order.length < Math.min(keys.length, limit)) {
    const open = keys.filter((k) => !done.has(k));
    const ready = open.filter((k) => waiting.get(k) === 0);
    const next = (ready.length > 0 ? ready : open).sort(rank)[0]!;
    placed.set(next, order.length);
    order.push(next);
    done.add(next);
    for (const to of feeds.get(next) ?? []) waiting.set(to, waiting.get(to)! - 1);
  }
  const sorted = (set: Set<string> | undefined): string[] => [...(set ?? [])].sort(compareText);
  const steps = order.map((key) => ({ endpoint: byKey.get(key)!.endpoint, inputs: sorted(inputs.get(key)), outputs: sorted(outputs.get(key)) }));
  return { steps, total: keys.length };
}

/** `header authorization`, `body items[].id`; a response's cookie is the `Set-Cookie` that named it. */
function endName(end: LinkEnd, response: boolean): string {
  return `${response && end.in === 'cookie' ? 'set-cookie' : end.in} ${end.name}`;
}

function names(list: readonly string[]): string {
  return list.length > MAX_NAMES ? `${list.slice(0, MAX_NAMES).join(', ')}, …` : list.join(', ');
}

function cut(text: string, max: number): string {
  const chars = [...text.replace(/[\r\n\t]+/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}
