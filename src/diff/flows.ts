/**
 * Flow changes of one endpoint pair: where the values its requests send come from (the model's
 * links). A producer that is gone or replaced by another is a warning (a client wired to the
 * old call may get nothing to send); a new source is for the record. Endpoints are compared with
 * parameter names erased, as everywhere in diff.
 */
import type { ApiModel, Endpoint, Link } from '../model.js';
import { compareText } from '../order.js';
import type { Found } from './found.js';
import { erasePath } from './match.js';

/** Input (`path conversation_id`) → producers (`GET host /a/{} → items[].id`) of one endpoint. */
function sourcesOf(model: ApiModel, endpoint: Endpoint): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const link of model.links ?? []) {
    if (link.to.endpoint !== endpoint.key) continue;
    const input = `${link.to.in} ${link.to.name}`;
    let producers = out.get(input);
    if (!producers) out.set(input, (producers = new Map()));
    producers.set(erasedProducer(link), producerLabel(link));
  }
  return out;
}

function erasedProducer(link: Link): string {
  const [method, host, ...path] = link.from.endpoint.split(' ');
  return `${method} ${host} ${erasePath(path.join(' '))} ${link.from.in} ${link.from.name}`;
}

function producerLabel(link: Link): string {
  const [method, , ...path] = link.from.endpoint.split(' ');
  return `${method} ${path.join(' ')} → ${link.from.name}`;
}

export function diffFlows(before: ApiModel, after: ApiModel, pair: { before: Endpoint; after: Endpoint }): Found[] {
  const old = sourcesOf(before, pair.before);
  const now = sourcesOf(after, pair.after);
  const found: Found[] = [];
  for (const input of [...new Set([...old.keys(), ...now.keys()])].sort(compareText)) {
    const was = old.get(input) ?? new Map<string, string>();
    const is = now.get(input) ?? new Map<string, string>();
    const gone = [...was].filter(([key]) => !is.has(key));
    const added = [...is].filter(([key]) => !was.has(key));
    const label = (list: [string, string][]) =>
      list
        .map(([, l]) => l)
        .sort(compareText)
        .join(', ');
    if (gone.length > 0 && added.length > 0)
      found.push({ area: 'flow', kind: 'source-changed', level: 'warning', location: 'flow', subject: input, old: label(gone), new: label(added) });
    else if (gone.length > 0) found.push({ area: 'flow', kind: 'not-observed', level: 'warning', location: 'flow', subject: input, old: label(gone) });
    else if (added.length > 0) found.push({ area: 'flow', kind: 'added', level: 'info', location: 'flow', subject: input, new: label(added) });
  }
  return found;
}
