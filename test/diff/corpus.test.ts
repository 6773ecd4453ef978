/**
 * Real captures from ../shared/corpus, read in place: the same traffic recorded by different
 * tools must diff without noise from the recorders' differences (HAR 1.1 vs 1.2, boundaries,
 * header case and order, bodies one recorder dropped, timings). Skipped, visibly, where the
 * corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.js';
import type { ApiModel } from '../../src/model.js';
import type { Options } from '../../src/options.js';
import { buildModel } from '../../src/pipeline.js';

const CORPUS = '../shared/corpus';
const GATLING = 'gatling__gatling__gatling-recorder__src__test__resources__har__';
const JONLUCA = 'jonluca__har-to-openapi__test__data__ServerService-GetNavigationMenu2-';

async function model(file: string, options: Options = {}): Promise<ApiModel> {
  return (await buildModel([{ label: file, text: readFileSync(`${CORPUS}/${file}`, 'utf8') }], options)).model;
}

describe.skipIf(!existsSync(CORPUS))(`diff on real captures (${CORPUS})`, () => {
  it.each([
    ['gatling multipart upload, Chrome 61 vs Firefox 56 (--all)', `${GATLING}chrome61__multipart.har`, `${GATLING}firefox56__multipart.har`, { all: true }],
    // Default selection: the upload is an action although it answers with a page, and the GET of
    // fup.html is a page on both sides although Chrome saved no body for it.
    ['gatling multipart upload, Chrome 61 vs Firefox 56', `${GATLING}chrome61__multipart.har`, `${GATLING}firefox56__multipart.har`, {}],
    ['jonluca GetNavigationMenu2, Firefox vs Fiddler', `${JONLUCA}ff.har`, `${JONLUCA}fiddler.har`, {}],
  ])('%s: no changes either way', async (_name, a, b, options) => {
    const [first, second] = [await model(a, options), await model(b, options)];
    // The pair is a real test only if both sides have the endpoints to compare.
    expect(first.endpoints.length).toBeGreaterThan(0);
    expect(second.endpoints.map((e) => e.key)).toEqual(first.endpoints.map((e) => e.key));
    expect(diffModels(first, second).changes).toEqual([]);
    expect(diffModels(second, first).changes).toEqual([]);
  });

  it('gatling pair with default selection: the multipart upload is the one endpoint documented', async () => {
    for (const browser of ['chrome61', 'firefox56']) {
      const built = await model(`${GATLING}${browser}__multipart.har`);
      expect(built.endpoints.map((e) => e.key)).toEqual(['POST cgi-lib.berkeley.edu /ex/fup.cgi']);
      expect(built.endpoints[0]!.requestBodies.map((b) => b.kind)).toEqual(['multipart']);
    }
  });

  it.each([
    'mitmproxy__mitmproxy__test__mitmproxy__data__har_files__firefox.har',
    'SvenskaSpel__har2locust__tests__inputs__reqres.in.har',
    'mitmproxy__mitmproxy__test__mitmproxy__data__flows__event_stream.har',
    'joffrey-bion__har-parser__src__jvmTest__resources__session-with-websockets.har',
  ])('%s: two independent runs (fresh redaction keys) diff clean', async (file) => {
    const [first, second] = [await model(file, { all: true }), await model(file, { all: true })];
    expect(first.endpoints.length).toBeGreaterThan(0);
    expect(diffModels(first, second).changes).toEqual([]);
  });
});
