/**
 * Media types (`Content-Type` headers, multipart part types): the type and the protocol
 * parameters stay (a multipart boundary is random but no secret), a `name`/`filename` parameter
 * is a file name (file-name.ts), and any other parameter is scanned for secret shapes:
 * `application/json; x-owner=jane@example.org`.
 */
import { redactFileName } from './file-name.js';
import type { Scope } from './scope.js';
import { redactText } from './text.js';

/** Media-type parameters that are protocol, not data. */
const PROTOCOL_PARAMETERS = new Set(['boundary', 'charset', 'type', 'profile', 'version', 'q', 'format', 'delsp', 'start', 'start-info']);
const FILE_NAME_PARAMETERS = new Set(['name', 'filename']);

export function redactMediaType(value: string, scope: Scope): string {
  const parts = value.split(';');
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const redacted = i === 0 ? redactText(part, scope, true) : redactParameter(part, scope);
    if (redacted !== part) {
      parts[i] = redacted;
      changed = true;
    }
  }
  return changed ? parts.join(';') : value;
}

function redactParameter(parameter: string, scope: Scope): string {
  const eq = parameter.indexOf('=');
  const name = eq === -1 ? '' : parameter.slice(0, eq).trim().toLowerCase();
  if (PROTOCOL_PARAMETERS.has(name)) return parameter;
  if (!FILE_NAME_PARAMETERS.has(name)) return redactText(parameter, scope, true);
  const raw = parameter.slice(eq + 1).trim();
  const quoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"');
  const fileName = quoted ? raw.slice(1, -1) : raw;
  const redacted = redactFileName(fileName, scope);
  return redacted === fileName ? parameter : `${parameter.slice(0, eq + 1)}${quoted ? `"${redacted}"` : redacted}`;
}
