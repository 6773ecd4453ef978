/**
 * Multipart bodies: their parts by name, with presence, whether a file was sent (its name as the
 * example, never its contents), content types, and for plain fields a type from their first
 * 1000 values and the first non-empty one as the example. A part's content type is shown by its
 * essence only: parameters (`application/pdf; name="…"`) can name a person's file.
 */
import { essence } from '../ingest/media-type.js';
import type { Body, MultipartPart, Shown } from '../model.js';
import type { BodyDetail, BodyPlace, ContentOf } from './bodies.js';
import { detachText } from './detach-text.js';
import { NamedValues, valuesSchema } from './named-values.js';

/** Values observed per part name; later ones only count towards presence. */
const MAX_VALUES_PER_PART = 1000;

export class MultipartBody implements BodyDetail {
  private readonly parts = new NamedValues(MAX_VALUES_PER_PART);
  /** The first file name sent under a part name, through the gate: such a part is a file. */
  private readonly fileNames = new Map<string, Shown>();
  /** Content types declared per part name, in first-seen order (detached). */
  private readonly contentTypes = new Map<string, string[]>();

  constructor(private readonly at: BodyPlace) {}

  add(content: ContentOf<'multipart'>): void {
    const { gate, place } = this.at;
    this.parts.next();
    for (const part of content.parts) {
      const entry = this.parts.count(part.name)!;
      const { name, values } = entry;
      if (part.fileName !== null) {
        if (!this.fileNames.get(name)) this.fileNames.set(name, gate.fileName(detachText(part.fileName)));
      } else if (part.value !== null) {
        values.add(part.value, this.parts.samples);
        if (entry.example === undefined && part.value !== '') entry.example = gate.value(part.value, part.name, 'form', content.parts, place);
      }
      const type = essence(part.contentType);
      if (type) {
        let types = this.contentTypes.get(name);
        if (!types) this.contentTypes.set(name, (types = []));
        if (!types.includes(type)) types.push(detachText(type));
      }
    }
  }

  finish(body: Body): Body {
    const { gate, place } = this.at;
    const parts: MultipartPart[] = [];
    for (const evidence of this.parts.entries()) {
      const { name, seen, example } = evidence;
      const fileName = this.fileNames.get(name);
      const shownName = gate.name(name, place);
      const part: MultipartPart = { name: shownName, seen, file: fileName !== undefined, contentTypes: [...(this.contentTypes.get(name) ?? [])].sort() };
      // A file sent without a name has no example: its contents are never shown.
      if (fileName !== undefined) {
        if (fileName !== '') part.example = fileName;
      } else {
        part.schema = valuesSchema(evidence, (members) => gate.namedEnum(members, name, 'form', place));
        if (example !== undefined) part.example = gate.fitText(example, part.schema);
      }
      parts.push(part);
    }
    return { ...body, parts: parts.sort((a, b) => (a.name < b.name ? -1 : 1)) };
  }
}
