/**
 * Finds planted values in output text, in any encoding a reader could reverse: the value as is,
 * percent-encoded, JSON-escaped, HTML-escaped, base64 and base64url; and the output itself is
 * also read percent-decoded, JSON-unescaped, HTML-unescaped and with every base64 run decoded,
 * two layers deep, so a value hidden inside an encoded blob is found too.
 */

export interface Planted {
  id: string;
  kind: string;
  value: string;
}

export interface Leak {
  id: string;
  kind: string;
  where: string;
  form: string;
}

export function findLeaks(outputs: readonly { name: string; text: string }[], planted: readonly Planted[]): Leak[] {
  const leaks: Leak[] = [];
  for (const output of outputs) {
    const views = readings(output.text, 2);
    for (const item of planted) {
      const found = findIn(views, item.value);
      if (found) leaks.push({ id: item.id, kind: item.kind, where: output.name, form: found });
    }
  }
  return leaks;
}

function findIn(views: readonly string[], value: string): string | null {
  const forms: [string, string][] = [
    ['plain', value],
    ['percent-encoded', encodeURIComponent(value)],
    ['json-escaped', JSON.stringify(value).slice(1, -1)],
    ['html-escaped', value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
    ['base64', Buffer.from(value).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(value).toString('base64url')],
  ];
  const digitsOnly = /^\d+$/.test(value);
  for (const view of views) {
    for (const [name, form] of forms) {
      if (digitsOnly ? new RegExp(`(?<![0-9])${form}(?![0-9])`).test(view) : view.includes(form)) return name;
    }
  }
  return null;
}

/** The text and its decoded readings, `depth` layers deep. */
function readings(text: string, depth: number): string[] {
  const views = [text];
  if (depth === 0) return views;
  const decoded = new Set<string>();
  decoded.add(text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => safeDecode(run)));
  decoded.add(text.replace(/\\u([0-9A-Fa-f]{4})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16))).replace(/\\(.)/g, '$1'));
  decoded.add(
    text
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
  for (const run of text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
    decoded.add(Buffer.from(run, 'base64').toString('latin1'));
    decoded.add(Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  }
  decoded.delete(text);
  for (const view of decoded) views.push(...readings(view, depth - 1));
  return views;
}

function safeDecode(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run;
  }
}
