/**
 * Bodies of one endpoint side (requests, or responses of one status) into `Body` entries, one
 * per media type and kind: evidence, a schema merged over every sample, one representative
 * example, and per kind what a reader needs (event kinds of a stream, parts of a multipart form,
 * a summary of text). Binary bodies are described by type and size only.
 *
 * Payloads arrive one at a time (`BodiesAccumulator`) and are not kept: each kind keeps only
 * what its description needs, and says so where it keeps a sample (form-body.ts, sse-body.ts,
 * observe-json.ts).
 */
import type { Content, Json, Payload } from '../exchange.js';
import type { Body, BodyKind, Shown } from '../model.js';
import { FormBody } from './form-body.js';
import type { Gate } from './gate.js';
import { MultipartBody } from './multipart-body.js';
import { JsonObserver } from './observe-json.js';
import type { SchemaRunner } from './quicktype.js';
import { inferObservedSchema, prepareObservedSchema } from './schema.js';
import { SseBody } from './sse-body.js';

export type ContentOf<K extends Content['kind']> = Extract<Content, { kind: K }>;

/** What one kind of body gathers beyond size and count; `finish` adds it to the body. */
export interface BodyDetail {
  add(content: Content): void;
  /** Starts work `finish` will wait on (schema inference), once every body is in. */
  prepare?(): void;
  finish(body: Body): Body | Promise<Body>;
}

/**
 * Where a body's values are shown from: the gate, and `request.body` or `response.body`; and
 * where its schemas are inferred (the run's `schemaRunner`; absent: in this thread).
 */
export interface BodyPlace {
  gate: Gate;
  place: string;
  schemaRunner?: SchemaRunner | undefined;
}

export class BodiesAccumulator {
  /** By media type, then kind: no key to build per payload. */
  private readonly byType = new Map<string, Map<BodyKind, BodyEvidence>>();
  /** The same, in first-seen order. */
  private readonly all: BodyEvidence[] = [];

  constructor(private readonly at: BodyPlace) {}

  add(payload: Payload): void {
    let kinds = this.byType.get(payload.mediaType);
    if (!kinds) this.byType.set(payload.mediaType, (kinds = new Map()));
    let evidence = kinds.get(payload.content.kind);
    if (!evidence) {
      evidence = new BodyEvidence(payload.mediaType, payload.content.kind, this.at);
      kinds.set(payload.content.kind, evidence);
      this.all.push(evidence);
    }
    evidence.add(payload);
  }

  /** Starts the schema inference `finish` waits on (see `prepareObservedSchema`); call after the last `add`. */
  prepare(): void {
    for (const evidence of this.all) evidence.prepare();
  }

  async finish(): Promise<Body[]> {
    const bodies: Body[] = [];
    for (const evidence of this.all) bodies.push(await evidence.finish());
    return bodies.sort((a, b) => (a.mediaType + a.kind < b.mediaType + b.kind ? -1 : 1));
  }
}

/** One media type and kind: count, sizes, and the kind's own detail. */
class BodyEvidence {
  private seen = 0;
  private min = Infinity;
  private max = 0;
  private readonly detail: BodyDetail | null;

  constructor(
    private readonly mediaType: string,
    private readonly kind: BodyKind,
    at: BodyPlace,
  ) {
    this.detail = createDetail(kind, at);
  }

  add(payload: Payload): void {
    this.seen++;
    if (payload.size < this.min) this.min = payload.size;
    if (payload.size > this.max) this.max = payload.size;
    this.detail?.add(payload.content);
  }

  prepare(): void {
    this.detail?.prepare?.();
  }

  finish(): Body | Promise<Body> {
    const body: Body = { mediaType: this.mediaType, kind: this.kind, seen: this.seen, size: { min: this.min, max: this.max } };
    return this.detail ? this.detail.finish(body) : body;
  }
}

function createDetail(kind: BodyKind, at: BodyPlace): BodyDetail | null {
  switch (kind) {
    case 'json':
    case 'jsonp':
      return new JsonBody(at);
    case 'ndjson':
      return new NdjsonBody(at);
    case 'form':
      return new FormBody(at);
    case 'multipart':
      return new MultipartBody(at);
    case 'sse':
      return new SseBody(at);
    case 'text':
      return new TextBody(at);
    default:
      return null;
  }
}

class JsonBody implements BodyDetail {
  private readonly json = new JsonObserver();

  constructor(private readonly at: BodyPlace) {}

  add(content: ContentOf<'json' | 'jsonp'>): void {
    this.json.add(content.value);
  }

  prepare(): void {
    prepareObservedSchema(this.json, this.at.schemaRunner);
  }

  async finish(body: Body): Promise<Body> {
    const { schema, example } = await inferObservedSchema(this.json, this.at);
    return { ...body, schema, example };
  }
}

/** One schema for the lines of every stream. */
class NdjsonBody implements BodyDetail {
  private readonly lines = new JsonObserver();
  /** Keep-sake: the first stream's first 20 lines (the example, shown once the line schema is known). */
  private first: Json[] | undefined;

  constructor(private readonly at: BodyPlace) {}

  add(content: ContentOf<'ndjson'>): void {
    for (const line of content.values) this.lines.add(line);
    // A copy: the keep-sake must not pin the capture's parsed body.
    this.first ??= content.values.slice(0, 20).map((line) => JSON.parse(JSON.stringify(line)) as Json);
  }

  prepare(): void {
    prepareObservedSchema(this.lines, this.at.schemaRunner);
  }

  async finish(body: Body): Promise<Body> {
    const { schema } = await inferObservedSchema(this.lines, this.at);
    return { ...body, schema, example: this.at.gate.printLines(this.first ?? [], schema, this.at.place) };
  }
}

/** Text is summarised by its first body. */
class TextBody implements BodyDetail {
  private taken = false;
  /** Keep-sake: the first body's example (its first lines, through the gate), undefined when unprintable. */
  private example: Shown | undefined;

  constructor(private readonly at: BodyPlace) {}

  add(content: ContentOf<'text'>): void {
    if (this.taken) return;
    this.taken = true;
    this.example = this.at.gate.textExample(content.text, this.at.place);
  }

  finish(body: Body): Body {
    return this.example === undefined ? body : { ...body, example: this.example };
  }
}
