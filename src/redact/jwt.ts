/**
 * JSON Web Tokens: recognise one (JWS `header.payload.signature`, signature-less `alg: none`,
 * JWE with five parts, pretty-printed headers that start `ewo`) by decoding its header, and read
 * the claim names of its payload. Claim names are what the reference shows; claim values never
 * leave this file.
 */

export interface JwtInfo {
  /** Sorted claim names, shortened to their last path part (`https://x/profile` → `profile`). */
  claims: string[];
  /** `exp - iat` in seconds, when the payload has both as numbers (how long the token lives). */
  lifetime?: number;
}

const MAX_JWT = 64 * 1024;

/** Reads `value` as a JWT, or returns null. Cheap for anything that does not start like one. */
export function readJwt(value: string): JwtInfo | null {
  if (value.length < 16 || value.length > MAX_JWT) return null;
  const c0 = value.charCodeAt(0);
  const c1 = value.charCodeAt(1);
  if (c0 !== 101 /* e */ || (c1 !== 121 /* y */ && c1 !== 119) /* w */) return null;
  const parts = value.split('.');
  // `header.payload` (an unsigned token whose trailing dot was cut off), JWS, or JWE.
  if (parts.length !== 2 && parts.length !== 3 && parts.length !== 5) return null;
  for (const part of parts) if (!isBase64Url(part)) return null;
  const header = decodeJsonObject(parts[0]!);
  if (!header || (typeof header.alg !== 'string' && typeof header.enc !== 'string' && typeof header.typ !== 'string')) return null;
  if (parts.length === 5 || parts[1] === '') return { claims: [] };
  const payload = decodeJsonObject(parts[1]!);
  if (!payload) return { claims: [] };
  const { exp, iat } = payload;
  const lifetime = typeof exp === 'number' && typeof iat === 'number' && exp >= iat ? Math.round(exp - iat) : undefined;
  return { claims: claimNames(payload), ...(lifetime !== undefined ? { lifetime } : {}) };
}

function claimNames(payload: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const key of Object.keys(payload)) {
    const slash = key.lastIndexOf('/');
    const short = slash === -1 ? key : key.slice(slash + 1);
    // Claim names are shown; anything that is not a plain word (it could be data) is left out.
    if (/^[A-Za-z0-9_.-]{1,40}$/.test(short) && !short.includes('@')) names.add(short);
  }
  return [...names].sort();
}

function isBase64Url(part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 61;
    if (!ok) return false;
  }
  return true;
}

function decodeJsonObject(part: string): Record<string, unknown> | null {
  if (part.length < 4) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
