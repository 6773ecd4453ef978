/**
 * Records: a record that holds a person's phone, name or address holds them in its other fields
 * too, under names no list knows (`to_number` redacted, `from_number` beside it; `zip` redacted,
 * `zip5` beside it). A sibling whose value has the same shape as a redacted personal value (the
 * same runs of digits, letters and punctuation) is redacted as the same kind.
 */

/** Kinds whose shape is worth comparing with the siblings'. */
const SIBLING_KINDS = new Set(['phone', 'name', 'address', 'location', 'bank-account', 'id-number', 'birth-date', 'device-id']);

/** Keys that describe the record rather than a person (`type`, `status`): never redacted for their shape. */
const DESCRIBING_KEYS = new Set([
  'type',
  'kind',
  'status',
  'state',
  'role',
  'title',
  'label',
  'description',
  'category',
  'source',
  'format',
  'version',
  'locale',
  'language',
  'currency',
  'country',
  'unit',
  'mode',
]);

export function isSiblingKind(kind: string): boolean {
  return SIBLING_KINDS.has(kind);
}

export function isDescribingKey(key: string): boolean {
  return key.length <= 12 && DESCRIBING_KEYS.has(key.toLowerCase());
}

const MAX_SHAPED = 128;

/**
 * The shape of a short value: digits as their run lengths (`+1 415 555 0100` → `+1 3 3 4`),
 * letters as one mark per run by case and script, everything else as itself. Values too long
 * to be a phone, a name or an address part have no shape (null), nor have one-word values
 * (`"Active"`) and digit runs shorter than 5.
 */
export function valueShape(value: string): string | null {
  if (value.length < 4 || value.length > MAX_SHAPED) return null;
  let shape = '';
  let digits = 0;
  let previous = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      continue;
    }
    if (digits > 0) {
      shape += String(digits);
      digits = 0;
      previous = '9';
    }
    const mark = c >= 65 && c <= 90 ? 'A' : c >= 97 && c <= 122 ? 'a' : c >= 128 && isLetter(value[i]!) ? 'L' : value[i]!;
    if (mark === previous && (mark === 'A' || mark === 'a' || mark === 'L')) continue;
    shape += mark;
    previous = mark;
  }
  if (digits > 0) shape += String(digits);
  // `Aa` (one capitalised word) matches too much to be evidence on its own; a run of 5+ digits
  // (a national phone number, a postcode) is.
  if (shape.length < 3) return /^\d+$/.test(shape) && Number(shape) >= 5 ? `#${shape}` : null;
  return shape;
}

const LETTER = /\p{L}/u;

function isLetter(char: string): boolean {
  return LETTER.test(char);
}
