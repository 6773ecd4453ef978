/**
 * A change in words, for the JSON `message` (plain text) and the Markdown changelog (escaped):
 * the caller says how to quote a name or value and how to write free text, so captured values
 * (field names, enum values, id patterns) never become Markdown.
 */
import type { ChangeArea } from './change.js';
import type { Found } from './found.js';

export interface Style {
  /** A name or value: a field path, a parameter, a media type, a status code. */
  quote: (value: string) => string;
  /** Other text that may hold captured data (notes, lists of values). */
  text: (value: string) => string;
}

export const PLAIN: Style = { quote: (v) => `\`${v}\``, text: (v) => v };

const NOUNS: Record<ChangeArea, string> = {
  endpoint: 'endpoint',
  'path-parameter': 'path parameter',
  'query-parameter': 'query parameter',
  header: 'header',
  auth: 'credential',
  'request-body': 'request media type',
  'request-field': 'request field',
  status: 'status',
  'response-body': 'response media type',
  'response-field': 'response field',
  event: 'event kind',
  operation: 'GraphQL operation',
  flow: 'value',
};

export function describeChange(change: Found, style: Style): string {
  const { quote, text } = style;
  const note = change.note ? ` (${text(change.note)})` : '';
  /** ` (string; in all 3 new requests)`: the value and the evidence in one parenthesis. */
  const aside = (value: string | undefined, prefix = '') => {
    const parts = [...(value !== undefined ? [`${prefix}${text(value)}`] : []), ...(change.note ? [text(change.note)] : [])];
    return parts.length > 0 ? ` (${parts.join('; ')})` : '';
  };
  if (change.area === 'endpoint') {
    switch (change.kind) {
      case 'added':
        return `new endpoint${note}`;
      case 'removed':
        return `endpoint removed${note}`;
      case 'not-observed':
        return `endpoint not observed in the new capture${note}`;
      case 'path-changed':
        return `path template ${quote(change.old ?? '')} is now ${quote(change.new ?? '')}${note}`;
      default:
        break;
    }
  }
  const isBody = (change.area === 'request-body' || change.area === 'response-body') && change.subject === '';
  const noun =
    change.subject === '' && (change.area === 'request-field' || change.area === 'response-field') ? 'body' : `${NOUNS[change.area]} ${quote(change.subject)}`;
  const what = isBody ? 'body' : noun;
  const values = (old?: string, next?: string) => `${old !== undefined ? text(old) : '?'} → ${next !== undefined ? text(next) : '?'}`;
  if (change.area === 'flow') {
    if (change.kind === 'added') return `${what} now comes from ${text(change.new ?? '')}`;
    if (change.kind === 'not-observed') return `${what} no longer seen coming from ${text(change.old ?? '')}`;
  }
  switch (change.kind) {
    case 'added':
      return `${what} added${aside(change.new)}`;
    case 'removed':
      return `${what} removed${aside(change.old, 'was ')}`;
    case 'not-observed':
      return `${what} not observed${note}`;
    case 'renamed':
      return `${NOUNS[change.area]} ${quote(`{${change.old ?? ''}}`)} is now ${quote(`{${change.new ?? ''}}`)}`;
    case 'type-changed':
      return `${what}: ${isBody ? 'kind' : 'type'} ${values(change.old, change.new)}`;
    case 'type-widened':
      return `${what}: type ${values(change.old, change.new)} (wider)`;
    case 'type-narrowed':
      return `${what}: type ${values(change.old, change.new)} (narrower)`;
    case 'became-required':
      return `${what} is now required`;
    case 'became-optional':
      return `${what} is now optional`;
    case 'became-nullable':
      return `${what} can now be null`;
    case 'became-not-nullable':
      return `${what} is no longer null`;
    case 'enum-values-added':
      return `${what}: new values ${text(change.new ?? '')}`;
    case 'enum-values-removed':
      return `${what}: values no longer seen ${text(change.old ?? '')}`;
    case 'format-changed':
      return `${what}: ${change.area === 'path-parameter' ? 'pattern' : 'format'} ${values(change.old, change.new)}`;
    case 'shape-changed':
      return `${what}: ${values(change.old, change.new)}`;
    case 'path-changed':
      return `${what}: ${values(change.old, change.new)}`;
    case 'source-changed':
      return `${what} now comes from ${text(change.new ?? '')} (was ${text(change.old ?? '')})`;
  }
}
