/**
 * Adapter for quicktype-core (the only file that imports it). It is loaded lazily, on the first
 * inference, so `--help` and error paths stay instant. quicktype writes draft-06 schemas with
 * `#/definitions` references and `additionalProperties: false` everywhere; `toModelSchema`
 * turns that into the model's inline 2020-12 schema without the strictness (an observed API may
 * always have fields a capture never saw).
 */
import type { JsonSchema, JsonType } from '../model.js';

interface QuicktypeModule {
  quicktype: typeof import('quicktype-core/dist/esm/Run.js').quicktype;
  InputData: typeof import('quicktype-core/dist/esm/input/Inputs.js').InputData;
  jsonInputForTargetLanguage: typeof import('quicktype-core/dist/esm/input/Inputs.js').jsonInputForTargetLanguage;
  JSONSchemaInput: typeof import('quicktype-core/dist/esm/input/JSONSchemaInput.js').JSONSchemaInput;
}
let loading: Promise<QuicktypeModule> | undefined;

/**
 * Starts loading quicktype-core (a worker thread calls it first thing, so the load overlaps
 * ingest): only the three modules used here, not its root, which re-exports every language's
 * renderer and its file and URL readers; the bundle also cuts its language list to the two used
 * (scripts/bundle.mjs).
 */
export function loadQuicktype(): Promise<QuicktypeModule> {
  loading ??= Promise.all([
    import('quicktype-core/dist/esm/Run.js'),
    import('quicktype-core/dist/esm/input/Inputs.js'),
    import('quicktype-core/dist/esm/input/JSONSchemaInput.js'),
  ]).then(([run, inputs, schemaInput]) => ({
    quicktype: run.quicktype,
    InputData: inputs.InputData,
    jsonInputForTargetLanguage: inputs.jsonInputForTargetLanguage,
    JSONSchemaInput: schemaInput.JSONSchemaInput,
  }));
  return loading;
}

/**
 * Runs quicktype's schema inference on samples prepared by `quicktypeSchema` and returns its
 * JSON Schema as text: where a run's schemas are inferred (`RunSettings.schemaRunner`). The CLI
 * passes its worker thread's (quicktype-thread.ts), so its main thread never loads quicktype-core,
 * whose load is the largest part of its cost. Absent: `quicktypeSchemaText`, in this thread.
 */
export type SchemaRunner = (samples: string[]) => Promise<string>;

/**
 * quicktype builds its schema in plain objects, where a `__proto__` key sets the prototype
 * instead of adding a property, so the field vanished. Such keys go through it under a stand-in
 * name. In JSON text `"__proto__":` can only be a key: inside a string its quotes are escaped.
 */
const PROTO_KEY = '__proto__';
const PROTO_STAND_IN = '__har2api_proto_key__';

/** Infers one JSON Schema from JSON samples (as text), merging all of them; quicktype runs where `run` runs it. */
export async function quicktypeSchema(samples: readonly string[], run: SchemaRunner = quicktypeSchemaText): Promise<JsonSchema> {
  const prepared = samples.map((s) => s.replaceAll(`"${PROTO_KEY}":`, `"${PROTO_STAND_IN}":`));
  const document = JSON.parse(await run(prepared)) as DraftSchema;
  return toModelSchema(document, document.definitions ?? {}, new Set());
}

/** quicktype's draft-06 schema of samples already prepared by `quicktypeSchema`, as text (what a worker thread sends back). */
export async function quicktypeSchemaText(samples: string[]): Promise<string> {
  const { quicktype, InputData, jsonInputForTargetLanguage } = await loadQuicktype();
  const input = jsonInputForTargetLanguage('schema');
  await input.addSource({ name: 'Body', samples });
  const inputData = new InputData();
  inputData.addInput(input);
  const result = await quicktype({
    inputData,
    lang: 'schema',
    // Formats, enums and maps are decided by annotate-schema.ts over every value; quicktype sees
    // only the cover (one witness per fact), where its own guesses would be made on too little:
    // its map guess turned rows that all share 15 keys into a map because their values agreed.
    ...NO_GUESSES,
    ignoreJsonRefs: true,
  });
  return result.lines.join('\n');
}

interface DraftSchema {
  $ref?: string;
  definitions?: Record<string, DraftSchema>;
  type?: string | string[];
  properties?: Record<string, DraftSchema>;
  required?: string[];
  additionalProperties?: DraftSchema | boolean;
  items?: DraftSchema;
  anyOf?: DraftSchema[];
  enum?: (string | number | boolean | null)[];
  format?: string;
}

/** Inlines `$ref`s (a cycle becomes an open schema) and collapses `anyOf` of plain types. */
function toModelSchema(schema: DraftSchema, definitions: Record<string, DraftSchema>, resolving: ReadonlySet<string>): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = definitions[name];
    if (!target || resolving.has(name)) return { description: 'recursive structure' };
    return toModelSchema(target, definitions, new Set([...resolving, name]));
  }
  const out: JsonSchema = {};
  if (schema.type !== undefined) out.type = schema.type as JsonType | JsonType[];
  if (schema.format !== undefined && schema.format !== 'integer' && schema.format !== 'boolean') out.format = schema.format;
  // No enum: quicktype saw only the cover; enums come from the evidence, through the gate (annotate-schema.ts).
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [originalKey(k), toModelSchema(v, definitions, resolving)]));
    out.required = schema.required ? schema.required.map(originalKey) : [];
  }
  if (typeof schema.additionalProperties === 'object') out.additionalProperties = toModelSchema(schema.additionalProperties, definitions, resolving);
  if (schema.items) out.items = toModelSchema(schema.items, definitions, resolving);
  if (schema.anyOf) return collapseAnyOf(schema.anyOf.map((s) => toModelSchema(s, definitions, resolving)));
  return out;
}

function originalKey(key: string): string {
  return key === PROTO_STAND_IN ? PROTO_KEY : key;
}

/** `anyOf: [{type: null}, {type: string}]` → `type: [string, null]`; richer unions stay anyOf. */
function collapseAnyOf(options: JsonSchema[]): JsonSchema {
  const nullable = options.some((o) => o.type === 'null');
  const rest = options.filter((o) => o.type !== 'null');
  if (rest.length === 0) return { type: 'null' };
  if (rest.length === 1) {
    const only = rest[0]!;
    if (!nullable) return only;
    if (typeof only.type === 'string') return { ...only, type: [only.type, 'null'] };
    return { anyOf: [only, { type: 'null' }] };
  }
  const plain = rest.every((o) => typeof o.type === 'string' && Object.keys(o).length === 1);
  if (plain) {
    const types = rest.map((o) => o.type as JsonType);
    return { type: nullable ? [...types, 'null'] : types };
  }
  return { anyOf: nullable ? [...rest, { type: 'null' }] : rest };
}

/**
 * TypeScript declarations for named JSON Schemas, all in one run so nested types get unique
 * names across the file (`GetConversationResponseMapping`). From schemas rather than samples:
 * inference already happened, and the schema route costs milliseconds (toolchain.md §3).
 * Date-time strings stay `string` (JSON has no `Date`); enums become string-literal unions.
 * Give names that `quicktypeTypeNameStyle` leaves as they are (render/openapi/catalog.ts settles
 * them), or quicktype restyles them.
 */
export async function quicktypeTypeScript(sources: readonly { name: string; schema: JsonSchema }[]): Promise<string> {
  if (sources.length === 0) return '';
  const { quicktype, InputData, JSONSchemaInput } = await loadQuicktype();
  // No schema store: the schemas reference nothing outside themselves, and quicktype may fetch no file or URL.
  const input = new JSONSchemaInput(undefined);
  await input.addSource(typesDocument(sources));
  const inputData = new InputData();
  inputData.addInput(input);
  // Typed loosely: quicktype types the acronym option as an enum it does not export.
  const rendererOptions: Record<string, string> = { 'just-types': 'true', 'prefer-unions': 'true', 'acronym-style': ACRONYM_STYLE };
  // The schemas are already inferred: no pass may reshape them (maps from many keys, merged
  // look-alike classes, enums from repeated strings), or types.ts would disagree with openapi.json.
  const result = await quicktype({
    inputData,
    lang: 'typescript',
    ...NO_GUESSES,
    rendererOptions,
  });
  return result.lines.join('\n');
}

/**
 * The sources as one JSON Schema document, each under `definitions` by its name: a URI fragment
 * ending in `/` makes every property there a top-level type named by its key, in key order. One
 * source without an address, rather than one named source per type: quicktype normalises its
 * source's URI again at every schema position it visits (urijs), which for named sources was a
 * quarter of the run; the declarations are the same. A key that looks like an array index would
 * be moved first by JavaScript, so such a name is refused (styled names start with a letter).
 */
export function typesDocument(sources: readonly { name: string; schema: JsonSchema }[]): { name: string; uris: string[]; schema: string } {
  const definitions: Record<string, JsonSchema> = {};
  for (const { name, schema } of sources) {
    if (/^(0|[1-9][0-9]*)$/.test(name)) throw new Error(`quicktypeTypeScript: the type name ${name} is a number`);
    definitions[name] = schema;
  }
  return { name: '', uris: ['#/definitions/'], schema: JSON.stringify({ definitions }) };
}

/** Every reshaping guess of quicktype's off: inference has decided these from the evidence. */
const NO_GUESSES = {
  inferMaps: false,
  inferEnums: false,
  inferUuids: false,
  inferDateTimes: false,
  inferIntegerStrings: false,
  inferBooleanStrings: false,
  combineClasses: false,
} as const;

/** `camel`: every word, acronym or not, is capitalised (`BeaconUiResponse`, `GetIdsResponse`). */
const ACRONYM_STYLE = 'camel';

/**
 * quicktype's TypeScript type-name style, as its renderer applies it with `ACRONYM_STYLE`
 * (words split where quicktype splits them, each capitalised). It is not idempotent (`A1bC2d` →
 * `A1BC2D` → `A1Bc2D`): a name it leaves as it is comes out of `quicktypeTypeScript` unchanged,
 * so other outputs can use the same names.
 */
export async function quicktypeTypeNameStyle(): Promise<(name: string) => string> {
  // Only quicktype's string module (the same one its renderer uses): the rest of quicktype-core
  // may never load in this thread (the CLI runs it on a worker thread). The package's `exports`
  // open this path (`./dist/*`); its root exports the same functions but loads all of it (~0.4 s).
  const { combineWords, firstUpperWordStyle, isLetterOrDigit, legalizeCharacters, splitIntoWords } = await import('quicktype-core/dist/esm/support/Strings.js');
  const legalize = legalizeCharacters(isLetterOrDigit);
  const isStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (name) =>
    combineWords(splitIntoWords(name), legalize, firstUpperWordStyle, firstUpperWordStyle, firstUpperWordStyle, firstUpperWordStyle, '', isStart);
}

/**
 * `quicktypeTypeNameStyle` for a name of ASCII characters only, without quicktype: its string
 * module unpacks Unicode tables when it loads (~40 ms of the main thread, on every run), and the
 * names of most models are ASCII. `undefined` for any other name. quicktype's word split on
 * ASCII: lower-case letters then digits; one capital then lower-case letters and digits; several
 * capitals (the last one starts the next word when a lower-case letter follows), then digits; a
 * digit then everything up to the next letter. Each word keeps only letters and digits and is
 * capitalised; a name that would not start with a letter starts with `The`. A test compares it
 * with quicktype's on every ASCII character and many names.
 */
export function asciiTypeNameStyle(name: string): string | undefined {
  if (!ASCII_ONLY.test(name)) return undefined;
  const words: string[] = [];
  let i = 0;
  const skip = (test: (c: number) => boolean) => {
    while (i < name.length && test(name.charCodeAt(i))) i++;
  };
  for (;;) {
    skip((c) => !isAsciiLetter(c) && !isAsciiDigit(c));
    if (i >= name.length) break;
    const start = i;
    const first = name.charCodeAt(i);
    if (isAsciiLower(first)) {
      skip(isAsciiLower);
      skip(isAsciiDigit);
    } else if (isAsciiUpper(first)) {
      skip(isAsciiUpper);
      if (i < name.length) {
        const next = name.charCodeAt(i);
        if (i - start === 1) {
          skip(isAsciiLower);
          skip(isAsciiDigit);
        } else if (isAsciiDigit(next)) skip(isAsciiDigit);
        else if (isAsciiLower(next)) i--;
      }
    } else skip((c) => !isAsciiLetter(c));
    const word = name.slice(start, i).replace(NOT_LETTER_OR_DIGIT, '');
    if (word !== '') words.push(word[0]!.toUpperCase() + word.slice(1).toLowerCase());
  }
  if (words.length === 0) return 'Empty';
  return isAsciiLetter(words[0]!.charCodeAt(0)) ? words.join('') : `The${words.join('')}`;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const NOT_LETTER_OR_DIGIT = /[^A-Za-z0-9]/g;
const isAsciiLower = (c: number) => c >= 97 && c <= 122;
const isAsciiUpper = (c: number) => c >= 65 && c <= 90;
const isAsciiLetter = (c: number) => isAsciiLower(c) || isAsciiUpper(c);
const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
