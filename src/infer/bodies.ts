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
import type { Content, Payload } from '../exchange.js';
import type { Body, BodyKind } from '../model.js';
import { jsonExample, textExample, truncateExample } from './example.js';
import { FormBody } from './form-body.js';
import { MultipartBody } from './multipart-body.js';
import { JsonObserver } from './observe-json.js';
import { inferObservedSchema } from './schema.js';
import { SseBody } from './sse-body.js';

export type ContentOf<K extends Content['kind']> = Extract<Content, { kind: K }>;

/** What one kind of body gathers beyond size and count; `finish` adds it to the body. */
export interface BodyDetail {
  add(content: Content): void;
  finish(body: Body): Body | Promise<Body>;
}

export class BodiesAccumulator {
  /** By media type, then kind: no key to build per payload. */
  private readonly byType = new Map<string, Map<BodyKind, BodyEvidence>>();
  /** The same, in first-seen order. */
  private readonly all: BodyEvidence[] = [];

  add(payload: Payload): void {
    let kinds = this.byType.get(payload.mediaType);
    if (!kinds) this.byType.set(payload.mediaType, (kinds = new Map()));
    let evidence = kinds.get(payload.content.kind);
    if (!evidence) {
      evidence = new BodyEvidence(payload.mediaType, payload.content.kind);
      kinds.set(payload.content.kind, evidence);
      this.all.push(evidence);
    }
    evidence.add(payload);
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
  ) {
    this.detail = createDetail(kind);
  }

  add(payload: Payload): void {
    this.seen++;
    if (payload.size < this.min) this.min = payload.size;
    if (payload.size > this.max) this.max = payload.size;
    this.detail?.add(payload.content);
  }

  finish(): Body | Promise<Body> {
    const body: Body = { mediaType: this.mediaType, kind: this.kind, seen: this.seen, size: { min: this.min, max: this.max } };
    return this.detail ? this.detail.finish(body) : body;
  }
}

function createDetail(kind: BodyKind): BodyDetail | null {
  switch (kind) {
    case 'json':
    case 'jsonp':
      return new JsonBody();
    case 'ndjson':
      return new NdjsonBody();
    case 'form':
      return new FormBody();
    case 'multipart':
      return new MultipartBody();
    case 'sse':
      return new SseBody();
    case 'text':
      return new TextBody();
    default:
      return null;
  }
}

class JsonBody implements BodyDetail {
  private readonly json = new JsonObserver();

  add(content: ContentOf<'json' | 'jsonp'>): void {
    this.json.add(content.value);
  }

  async finish(body: Body): Promise<Body> {
    const { schema, sample } = await inferObservedSchema(this.json);
    return { ...body, schema, example: jsonExample(sample) };
  }
}

/** One schema for the lines of every stream. */
class NdjsonBody implements BodyDetail {
  private readonly lines = new JsonObserver();
  /** Keep-sake: the first stream's first 20 lines, already printed as the example. */
  private example: string | undefined;

  add(content: ContentOf<'ndjson'>): void {
    for (const line of content.values) this.lines.add(line);
    this.example ??= truncateExample(
      content.values
        .slice(0, 20)
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
  }

  async finish(body: Body): Promise<Body> {
    const { schema } = await inferObservedSchema(this.lines);
    return { ...body, schema, example: this.example! };
  }
}

/** Text is summarised by its first body. */
class TextBody implements BodyDetail {
  private taken = false;
  /** Keep-sake: the first body's example (its first lines), undefined when unprintable. */
  private example: string | undefined;

  add(content: ContentOf<'text'>): void {
    if (this.taken) return;
    this.taken = true;
    this.example = textExample(content.text);
  }

  finish(body: Body): Body {
    return this.example === undefined ? body : { ...body, example: this.example };
  }
}
