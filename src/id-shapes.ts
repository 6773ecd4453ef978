/**
 * Shapes of identifier values that more than one stage recognises: path templating
 * (normalise/segments.ts), string formats (infer/string-format.ts) and endpoint matching in a
 * diff (diff/match.ts). One set, so a value templating calls an id is one a diff accepts as a
 * value of that id's parameter. Kept outside the stages so none has to import another for them.
 * Every pattern is anchored and free of nested quantifiers.
 */
import type { IdKind } from './model.js';

/** A UUID of any version, in either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A decimal id of up to 20 digits (64-bit snowflakes included). */
export const INTEGER = /^\d{1,20}$/;
/** Crockford base32, 26 characters, first one 0–7. */
export const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
/** MongoDB ObjectId: 24 hex digits. */
export const OBJECT_ID = /^[0-9a-f]{24}$/i;
export const HEX = /^[0-9a-f]+$/i;
export const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
/**
 * A sigil id: `!room:server`, `$event`, `@user:server`, `#alias:server` (Matrix and other
 * federated protocols). `!`, `$` and `@` mark an id on their own; `#` and `+` only with a server.
 */
export const SIGIL_ID =
  /^(?:[!$@][A-Za-z0-9._=+/-]{2,255}|[#+][A-Za-z0-9._=+/-]{1,255}:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*(?::\d{1,5})?)(?::[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*(?::\d{1,5})?)?$/;
/** An id qualified by its server: `localpart:example.org`, `abc123:matrix.example.com:8448`. */
export const SERVER_ID = /^[A-Za-z0-9._=-]{1,255}:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+(?::\d{1,5})?$/;
/** A client transaction id made of a timestamp: `m1700000000000.12`, `1700000000.5`. */
export const TIMESTAMP_ID = /^[A-Za-z]{0,4}\d{10,13}\.\d{1,9}$/;
/** A phone number: international (`+306912345678`, `00…`) or national with its trunk `0`; ids never start with 0. */
export const PHONE = /^(?:\+|00|0)[1-9]\d{7,13}$/;

/**
 * What a literal must look like to be a value of a parameter of this kind, for kinds whose
 * values are strict; kinds absent here (token, word, hint, prefixed) accept any value.
 */
export const ID_KIND_SHAPES: Partial<Record<IdKind, RegExp>> = {
  integer: INTEGER,
  uuid: UUID,
  ulid: ULID,
  objectid: OBJECT_ID,
  hex: /^[0-9a-f]{16,}$/i,
  date: /^\d{4}-\d{2}(?:-\d{2})?$/,
};
