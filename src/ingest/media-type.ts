/**
 * Media types: the essence (`application/json`) of a declared `Content-Type`/`mimeType`, and
 * the families the body decoder and the traffic filter care about.
 */

/** `Application/JSON; charset=utf-8` → `application/json`; `` when nothing usable was declared. */
export function essence(mediaType: string | null | undefined): string {
  if (!mediaType) return '';
  const semicolon = mediaType.indexOf(';');
  const base = (semicolon === -1 ? mediaType : mediaType.slice(0, semicolon)).trim().toLowerCase();
  return base.includes('/') ? base : '';
}

export function isJsonType(type: string): boolean {
  return (
    type === 'application/json' || type === 'text/json' || type.endsWith('+json') || type === 'application/x-json' || type === 'application/javascript-json'
  );
}

export function isNdjsonType(type: string): boolean {
  return (
    type === 'application/x-ndjson' ||
    type === 'application/ndjson' ||
    type === 'application/jsonl' ||
    type === 'application/x-jsonlines' ||
    type === 'application/jsonlines' ||
    type === 'application/json-seq'
  );
}

export function isJavascriptType(type: string): boolean {
  return (
    type === 'application/javascript' ||
    type === 'text/javascript' ||
    type === 'application/x-javascript' ||
    type === 'application/ecmascript' ||
    type === 'text/ecmascript'
  );
}

/** Types whose bytes are not text: images, fonts, audio, video, archives, protobuf… */
export function isBinaryType(type: string): boolean {
  if (/^(image|audio|video|font)\//.test(type)) return !type.endsWith('+xml');
  return (
    type === 'application/octet-stream' ||
    type === 'application/pdf' ||
    type === 'application/zip' ||
    type === 'application/gzip' ||
    type === 'application/wasm' ||
    type === 'application/x-protobuf' ||
    type === 'application/protobuf' ||
    type === 'application/grpc' ||
    type.startsWith('application/vnd.ms-') ||
    type.startsWith('application/x-font') ||
    type === 'application/font-woff'
  );
}
