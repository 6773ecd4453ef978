/**
 * Multipart bodies: their parts by name, with presence, whether a file was sent (its name as the
 * example, never its contents), content types, and for plain fields a type from their first
 * 1000 values and the first non-empty one as the example. A part's content type is shown by its
 * essence only: parameters (`application/pdf; name="…"`) can name a person's file.
 */
import { essence } from '../ingest/media-type.js';
import type { Body, MultipartPart } from '../model.js';
import type { BodyDetail, ContentOf } from './bodies.js';
import { detachText } from './detach-text.js';
import { NamedValues } from './named-values.js';

/** Values observed per part name; later ones only count towards presence. */
const MAX_VALUES_PER_PART = 1000;

export class MultipartBody implements BodyDetail {
  private readonly parts = new NamedValues(MAX_VALUES_PER_PART);
  /** The first file name sent under a part name (detached): such a part is a file. */
  private readonly fileNames = new Map<string, string>();
  /** Content types declared per part name, in first-seen order (detached). */
  private readonly contentTypes = new Map<string, string[]>();

  add(content: ContentOf<'multipart'>): void {
    this.parts.next();
    for (const part of content.parts) {
      const { name, values } = this.parts.count(part.name)!;
      if (part.fileName !== null) {
        if (!this.fileNames.get(name)) this.fileNames.set(name, detachText(part.fileName));
      } else if (part.value !== null) values.add(part.value);
      const type = essence(part.contentType);
      if (type) {
        let types = this.contentTypes.get(name);
        if (!types) this.contentTypes.set(name, (types = []));
        if (!types.includes(type)) types.push(detachText(type));
      }
    }
  }

  finish(body: Body): Body {
    const parts: MultipartPart[] = [];
    for (const { name, seen, values } of this.parts.entries()) {
      const fileName = this.fileNames.get(name);
      const part: MultipartPart = { name, seen, file: fileName !== undefined, contentTypes: [...(this.contentTypes.get(name) ?? [])].sort() };
      // A file sent without a name has no example: its contents are never shown.
      if (fileName !== undefined) {
        if (fileName !== '') part.example = fileName;
      } else {
        part.schema = values.schema();
        if (values.example !== undefined) part.example = values.example;
      }
      parts.push(part);
    }
    return { ...body, parts: parts.sort((a, b) => (a.name < b.name ? -1 : 1)) };
  }
}
