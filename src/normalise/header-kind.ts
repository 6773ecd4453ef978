/**
 * Which request headers are notable: auth, content type, and custom ones (`x-…`, `…-token`).
 * Minimising an exchange keeps only these (minimise.ts), and inference describes only these
 * (infer/params.ts), so the two always agree on what a reference can show.
 */
import type { HeaderKind } from '../model.js';

const CONTENT_HEADERS = new Set(['content-type']);
const AUTH_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-csrftoken',
]);
/** `x-` headers that every browser or CDN adds; they say nothing about the API. */
const NOISE_HEADERS = new Set(['x-requested-with', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'x-client-data']);

/** The kind of a lower-case header name, or null when the header is not worth describing. */
export function headerKind(name: string): HeaderKind | null {
  if (AUTH_HEADERS.has(name)) return 'auth';
  if (CONTENT_HEADERS.has(name)) return 'content';
  if (NOISE_HEADERS.has(name) || name.startsWith(':')) return null;
  if (name.startsWith('x-') || name.startsWith('oai-') || name.endsWith('-token') || name.endsWith('-key')) return 'custom';
  return null;
}
