/**
 * Synthetic captures of real application kinds (test/support/app-captures.ts), each drawn from
 * several seeds: every endpoint is documented and nothing else is (parameter names erased), the
 * noise is left out for the right reason, one id has one name across paths, the Auth line names
 * the credentials, and OpenAPI security says the same as the Markdown on every operation.
 */
import { describe, expect, it } from 'vitest';
import { erasePath } from '../../src/diff/match.js';
import type { ApiModel } from '../../src/model.js';
import { buildModel, renderOutputs } from '../../src/index.js';
import { type AppCapture, appCaptures } from '../support/app-captures.js';
import { securityPairs } from '../support/openapi-security.js';
import { seeded } from '../support/random.js';

const SEEDS = [1, 2, 3];
const cases = SEEDS.flatMap((seed) => appCaptures(seeded(seed)).map((capture) => [`${capture.name} (seed ${seed})`, capture] as const));

async function modelOf(capture: AppCapture): Promise<ApiModel> {
  return (await buildModel([{ label: 'app.har', text: JSON.stringify(capture.har) }])).model;
}

const erased = (model: ApiModel) => model.endpoints.map((e) => `${e.method} ${e.host} ${erasePath(e.path)}`).sort();

describe('synthetic application captures', () => {
  it.each(cases)('%s: every endpoint, none spurious', async (_name, capture) => {
    expect(erased(await modelOf(capture))).toEqual(capture.endpoints);
  });

  it.each(cases)('%s: the noise is left out for its reason, with examples', async (_name, capture) => {
    const model = await modelOf(capture);
    const reasons = (model.traffic.leftOut ?? []).map((l) => l.reason);
    expect(reasons).toEqual(expect.arrayContaining(capture.leftOut));
    for (const left of model.traffic.leftOut ?? []) expect(left.examples.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: one position, one name, in every path', async (_name, capture) => {
    const model = await modelOf(capture);
    for (const endpoint of model.endpoints) {
      const names = endpoint.pathParams.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const param of endpoint.pathParams) expect(param.name).not.toMatch(/^id\d*$|^(?:send|typing|messages|bookmark)_id$/);
    }
  });

  it.each(cases.filter(([, c]) => c.auth))('%s: the Auth line names the credentials', async (_name, capture) => {
    const model = await modelOf(capture);
    const [markdown] = await renderOutputs(model, ['markdown']);
    for (const [key, line] of Object.entries(capture.auth!)) {
      const endpoint = model.endpoints.find((e) => `${e.method} ${e.host} ${erasePath(e.path)}` === key)!;
      const section = markdown!.content.split(`### \`${endpoint.method} ${endpoint.path}\``)[1]!.split('\n---')[0]!;
      // The Auth line names each credential by the variable the Authentication section gives it.
      const credentials = model.hosts.find((h) => h.name === endpoint.host)!.auth.credentials;
      const byVariable = line.replace(/\w+ \((header|cookie|query) `([^`]+)`\)/g, (_all, where: string, name: string) => {
        const credential = credentials.find((c) => c.in === where && c.name.toLowerCase() === name.toLowerCase());
        return credential ? `\`$${credential.variable}\`` : _all;
      });
      expect(section).toContain(`**Auth**: ${byVariable}`);
    }
  });

  it.each(cases)('%s: OpenAPI security says what the Auth line says', async (_name, capture) => {
    const model = await modelOf(capture);
    const [openapi] = await renderOutputs(model, ['openapi']);
    const pairs = securityPairs(model, openapi!.content);
    expect(pairs.length).toBeGreaterThan(0);
    for (const { endpoint, fromOpenApi, fromModel } of pairs) expect({ endpoint, security: fromOpenApi }).toEqual({ endpoint, security: fromModel });
  });

  it('names the WebSocket server wss and documents the connection without its nonce', async () => {
    const capture = appCaptures(seeded(7)).find((c) => c.name === 'socket.io')!;
    const model = await modelOf(capture);
    const socket = model.endpoints.find((e) => e.method === 'GET')!;
    expect(socket.websocket).toEqual({ messages: 0, events: [] });
    expect(socket.headers.map((h) => h.name)).not.toContain('sec-websocket-key');
  });
});
