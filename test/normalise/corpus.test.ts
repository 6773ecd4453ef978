/**
 * Templating on real captures, read in place from ../shared/corpus (skipped, visibly, where the
 * folder is absent) and on samples/. Two promises are checked on every capture, with and
 * without --all: no endpoint heading holds a concrete id, and no parameter swallows a value that
 * is a literal (a reserved word, a version) or that is neither an id nor like the others. The
 * API-heavy captures also have their endpoints spelled out.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHar2ApiError } from '../../src/errors.js';
import type { Exchange } from '../../src/exchange.js';
import { decodeCaptureBytes } from '../../src/ingest/decode.js';
import { ingestHar } from '../../src/ingest/index.js';
import { classifySegment, shapeOf, splitExtension } from '../../src/normalise/segments.js';
import { type EndpointGroup, decodeSegment, splitPath, templatePaths } from '../../src/normalise/templates.js';
import { selectTraffic } from '../../src/normalise/traffic.js';
import { isVersionSegment } from '../../src/normalise/vocabulary.js';
import { isReservedWord } from '../../src/reserved-words.js';
import { redactExchanges } from '../../src/redact/index.js';
import { line, testContext } from '../support/exchange.js';

const CORPUS = '../shared/corpus';
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.har'))
      .sort()
      .map((f) => `${CORPUS}/${f}`)
  : [];
const samples = readdirSync('samples')
  .filter((f) => f.endsWith('.har'))
  .sort()
  .map((f) => `samples/${f}`);

/**
 * The captures ingest refuses whole (broken JSON, not a HAR), as test/corpus.test.ts pins them;
 * no-entries.har is refused later, by the pipeline (E_EMPTY), and gives no group here.
 */
const REFUSED = new Set([
  'janodvarko__harviewer__selenium__tests__hars__not-json.har',
  'janodvarko__harviewer__selenium__tests__hars__not-valid.har',
  'mitmproxy__mitmproxy__test__mitmproxy__data__corrupted_har__brokenfile.har',
  'postmanlabs__har-to-postman__test__data__invalidHARFiles__noLog.har',
]);

/** The endpoint groups of a capture (read as bytes and decoded as the CLI does), or null when it is refused. */
async function template(path: string, all: boolean): Promise<EndpointGroup[] | null> {
  const ctx = testContext({ all });
  let exchanges: Exchange[];
  try {
    exchanges = (await ingestHar({ label: path, text: decodeCaptureBytes(readFileSync(path), path) }, ctx)).exchanges;
  } catch (error) {
    if (isHar2ApiError(error)) return null;
    throw error;
  }
  const selected = selectTraffic(exchanges, ctx.options).exchanges;
  return templatePaths(redactExchanges(selected, new Uint8Array(32)).exchanges, ctx).groups;
}

function endpoints(groups: readonly EndpointGroup[]): string[] {
  return groups.map((g) => `${g.method} ${g.host}${g.path}`);
}

/** The OpenAPI `pattern` must compile where ajv compiles it (Unicode mode) and accept every value seen. */
function patternProblems(path: string, name: string, regex: string, values: ReadonlySet<string>): string[] {
  let pattern: RegExp;
  try {
    pattern = new RegExp(regex, 'u');
  } catch {
    return [`${path}: {${name}} pattern ${regex} is invalid in Unicode mode`];
  }
  return [...values].filter((value) => !pattern.test(value)).map((value) => `${path}: {${name}} pattern ${regex} rejects ${value}`);
}

function checkGroups(groups: readonly EndpointGroup[]): string[] {
  const problems: string[] = [];
  for (const group of groups) {
    const literals = group.path
      .split('/')
      .slice(1)
      .filter((s) => !s.startsWith('{'));
    for (const segment of literals) {
      const cls = classifySegment(splitExtension(decodeSegment(segment))[0]);
      if (cls.kind !== 'word') problems.push(`${group.method} ${group.host}${group.path}: literal ${segment} is a ${cls.kind}`);
    }
    const names = group.pathParams.map((p) => p.name);
    if (new Set(names).size !== names.length) problems.push(`${group.path}: parameter names clash`);
    for (const param of group.pathParams) {
      const values = new Set(group.exchanges.map((e) => splitExtension(decodeSegment(splitPath(e.url.path)[param.position]!))[0]));
      const idShapes = new Set([...values].filter((v) => classifySegment(v).kind !== 'word').map(shapeOf));
      if (param.regex !== undefined) problems.push(...patternProblems(group.path, param.name, param.regex, values));
      for (const value of values) {
        if (isReservedWord(value) || isVersionSegment(value, null)) problems.push(`${group.path}: {${param.name}} swallowed the literal ${value}`);
        const alike =
          classifySegment(value).kind !== 'word' ||
          idShapes.has(shapeOf(value)) ||
          !param.reason.startsWith('values are identifiers') ||
          param.reason.includes('behave alike');
        if (!alike) problems.push(`${group.path}: {${param.name}} holds ${value}, neither an id nor like the others`);
      }
    }
  }
  return problems;
}

describe('the corpus checks themselves', () => {
  it('catch a concrete id in a heading and a literal swallowed by a parameter', () => {
    const ctx = testContext({ hints: ['/items/{x}', '/orders/^'] });
    const lines = ['GET /items/42', 'GET /items/new', 'GET /orders/0f8fad5b-d9cb-469f-a165-70867728950e'];
    const groups = templatePaths(lines.map(line), ctx).groups;
    expect(checkGroups(groups)).toEqual([
      '/items/{x}: {x} swallowed the literal new',
      'GET api.example.com/orders/0f8fad5b-d9cb-469f-a165-70867728950e: literal 0f8fad5b-d9cb-469f-a165-70867728950e is a uuid',
    ]);
  });
});

describe('templating on samples/', () => {
  it.each(samples)('%s: the ChatGPT-shaped endpoints', async (path) => {
    const groups = (await template(path, false))!;
    expect(checkGroups(groups)).toEqual([]);
    expect(endpoints(groups)).toEqual([
      'GET chatgpt.com/backend-api/beacons/home',
      'GET chatgpt.com/backend-api/conversation/{conversation_id}',
      'GET chatgpt.com/backend-api/conversation/{conversation_id}/stream_status',
      'GET chatgpt.com/backend-api/conversation/{conversation_id}/textdocs',
      'GET chatgpt.com/backend-api/conversations',
      'GET chatgpt.com/backend-api/files/download/{file_id}',
      'GET chatgpt.com/backend-api/gizmos/snorlax/sidebar',
      'GET chatgpt.com/backend-api/gizmos/{gizmo_id}/conversations',
      'GET chatgpt.com/backend-api/me',
      'GET chatgpt.com/backend-api/memories',
      'GET chatgpt.com/backend-api/models',
      'POST chatgpt.com/backend-api/beacons/event',
      'POST chatgpt.com/backend-api/conversation/experimental/generate_autocompletions',
      'POST chatgpt.com/backend-api/conversation/init',
      'POST chatgpt.com/backend-api/f/conversation',
      'POST chatgpt.com/backend-api/sentinel/chat-requirements/prepare',
      'PATCH chatgpt.com/backend-api/conversation/{conversation_id}',
    ]);
  });
});

describe.skipIf(corpus.length === 0)(`templating on the real captures in ${CORPUS}`, () => {
  it('pins refusals only for files that exist', () => {
    for (const file of REFUSED) expect(corpus).toContain(`${CORPUS}/${file}`);
  });

  it.each(
    corpus.flatMap(
      (path) =>
        [
          [path, false],
          [path, true],
        ] as const,
    ),
  )('%s (all: %s): no id in a heading, no false merge', async (path, all) => {
    const groups = await template(path, all);
    // Only a capture that is not a HAR may be refused; any other refusal is a regression, not a pass.
    expect(groups === null).toBe(REFUSED.has(path.slice(CORPUS.length + 1)));
    if (groups !== null) expect(checkGroups(groups)).toEqual([]);
  });

  it('has endpoints to check in most captures (with --all)', async () => {
    const counts = await Promise.all(corpus.map(async (path) => (await template(path, true))?.length ?? 0));
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(30);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
  });

  it.each<[string, boolean, string[]]>([
    [
      'opticdev__optic__projects__optic__src____tests____integration__workspaces__capture__har__har.har',
      false,
      [
        'GET localhost:3030/authors/{author_id}',
        'GET localhost:3030/books',
        'GET localhost:3030/books/{book_id}',
        'GET localhost:3030/some/example',
        'POST localhost:3030/authors',
        'POST localhost:3030/books',
        'POST localhost:3030/form',
      ],
    ],
    ['SvenskaSpel__har2locust__tests__inputs__reqres.in.har', false, ['POST reqres.in/api/register', 'PATCH reqres.in/api/users/{user_id}']],
    [
      'jonluca__har-to-openapi__test__data__ServerService-GetNavigationMenu2-ff.har',
      false,
      ['POST pc0uytxw.asia.kofax.com/agility.server.web/Services/SDK/ServerService.svc/json/GetNavigationMenu2'],
    ],
    ['mitmproxy__mitmproxy__test__mitmproxy__data__flows__event_stream.har', false, ['GET clientstream.launchdarkly.com/meval/{meval_id}']],
    ['microsoft__playwright__tests__assets__har-url-matcher.har', false, ['GET example/.com/api/data/', 'GET example.com/api/data', 'GET example.com/users/*']],
  ])('%s has the expected endpoints', async (file, all, expected) => {
    expect(endpoints((await template(`${CORPUS}/${file}`, all))!)).toEqual(expected);
  });

  it('merges ad-server ids of one shape and drops matrix parameter values (expressen, --all)', async () => {
    const groups = (await template(`${CORPUS}/sitespeedio__pagexray__test__files__requests__expressen.har`, true))!;
    const sync = groups.filter((g) => g.host === 'sync.richmetrics.com' && g.path.startsWith('/sync/'));
    // The ids are the visitor's cookie values (`P2JCJ…`), so redaction has replaced them.
    expect(sync.map((g) => [g.path, g.pathParams[0]!.distinct, g.pathParams[0]!.pattern])).toEqual([['/sync/id/{id}', 3, 'redacted value']]);
    expect(endpoints(groups).filter((e) => e.includes('ADTECH'))).toEqual([
      'GET adserver.adtech.de/addyn/3.0/{id}/{id2}/{flag}/{id3}/ADTECH;loc;target;grp;misc',
    ]);
  });
});
