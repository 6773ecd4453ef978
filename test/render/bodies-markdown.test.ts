/**
 * What the reference says about bodies, from a small synthetic capture run end to end: field
 * tables with evidence and examples, GraphQL operations, WebSocket message kinds, SSE event
 * kinds in detail, multipart parts, and statuses without a body.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, renderOutputs } from '../../src/index.js';
import { type EntrySpec, harEntry, harLog } from '../support/har.js';

/** An entry whose response is `{"data":{}}` unless the test says otherwise. */
const entry = (spec: EntrySpec) => harEntry({ resourceType: 'fetch', content: { mimeType: 'application/json', text: '{"data":{}}' }, ...spec });

const graphql = (operationName: string, query: string, variables: object) =>
  entry({ method: 'POST', url: 'https://api.example.com/graphql', requestJson: { operationName, query, variables } });

const har = harLog([
  graphql('GetUser', 'query GetUser($id: ID!) { user(id: $id) { name } }', { id: '1' }),
  graphql('GetUser', 'query GetUser($id: ID!) { user(id: $id) { name } }', { id: '2', verbose: true }),
  graphql('Rename', 'mutation Rename($name: String!) { rename(name: $name) }', { name: 'x' }),
  entry({
    url: 'https://api.example.com/stream',
    content: { size: 60, mimeType: 'text/event-stream', text: 'event: tick\ndata: {"n":1}\n\nevent: tick\ndata: {"n":2.5}\n\ndata: [DONE]\n\n' },
  }),
  entry({ method: 'DELETE', url: 'https://api.example.com/items/1', status: 204, content: { mimeType: '' } }),
  entry({
    method: 'POST',
    url: 'https://api.example.com/upload',
    postData: {
      mimeType: 'multipart/form-data; boundary=B',
      params: [
        { name: 'title', value: 'Notes' },
        { name: 'file', fileName: 'notes.txt', contentType: 'text/plain' },
      ],
    },
  }),
  entry({
    url: 'wss://api.example.com/live',
    status: 101,
    content: { mimeType: '' },
    resourceType: 'websocket',
    webSocket: [
      { type: 'send', opcode: 1, data: '{"type":"subscribe","channel":"prices"}' },
      { type: 'receive', opcode: 1, data: '{"type":"price","value":10}' },
    ],
  }),
]);

describe('Markdown reference: bodies', async () => {
  const { model } = await buildModel([{ label: 'bodies.har', text: JSON.stringify(har) }]);
  const [markdown] = await renderOutputs(model, ['markdown']);
  const text = markdown!.content;
  const section = (heading: string): string => {
    const start = text.indexOf(`### \`${heading}\``);
    expect(start, heading).toBeGreaterThan(-1);
    const end = text.indexOf('\n---', start);
    return text.slice(start, end === -1 ? undefined : end);
  };

  it('prints request fields with type, presence and example', () => {
    expect(section('POST /graphql')).toContain('| `variables.verbose` | boolean (or null) | no (1/3) | `true` |');
  });

  it('lists GraphQL operations with their variables', () => {
    const graphqlSection = section('POST /graphql');
    expect(graphqlSection).toContain('| `GetUser` | query | 2 | object |');
    expect(graphqlSection).toContain('| `Rename` | mutation | 1 | object |');
    expect(graphqlSection).toContain('**Operation** `GetUser` (query) variables');
  });

  it('documents each event kind of a stream, and its sentinels', () => {
    const stream = section('GET /stream');
    expect(stream).toContain('| `tick` |  | 2 | object |');
    expect(stream).toContain('Stream sentinels: `[DONE]`');
    expect(stream).toContain('**Event** `tick` (2 seen)');
    // Two events, one request: not enough samples to call `n` required, and the counts say why.
    expect(stream).toContain('| `n` | number (or null) | unknown (2/2) | `1` |');
  });

  it('lists multipart parts with file names', () => {
    const upload = section('POST /upload');
    // File names go through redaction (they can name a person); the extension stays.
    // One upload: every part was there, too few samples to call them required.
    expect(upload).toContain('| `file` | file | text/plain | unknown (1/1) | `<file-name:1>.txt` |');
    expect(upload).toContain('| `title` | field (string) |  | unknown (1/1) | `Notes` |');
  });

  it('lists WebSocket message kinds by direction and type', () => {
    const live = section('GET /live');
    expect(live).toContain('**WebSocket Messages**: 2 message(s): 1 sent, 1 received');
    expect(live).toContain('| `send` | `subscribe` | 1 | object |');
  });

  it('says when a status came without a body, and gives the status mix', () => {
    const remove = section('DELETE /items/{item_id}');
    expect(remove).toContain('**Response**: `204` · no body recorded');
    expect(remove).toContain('*Observed 1 request(s)* · `204` ×1');
  });
});
