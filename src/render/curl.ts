/**
 * A runnable curl command per endpoint, from the model's recorded (redacted) request: the host's
 * base URL, the method, the concrete path and query, the notable headers, the credential
 * cookies and the body. A placeholder is never sent as is: each one becomes a shell variable,
 * a credential the one the Authentication section names (`"$BEARER_TOKEN"`), any other value
 * one named after where it goes (`OAI_DEVICE_ID`). Pure: the same model gives the same text.
 */
import type { Credential, Endpoint, Host } from '../model.js';
import { shellName } from '../shell-name.js';

export interface CurlCommand {
  /** The command, one argument per line, continued with ` \`. */
  command: string;
  /** Variables the command reads, in order of first use, with the placeholder each stands for. */
  variables: { name: string; placeholder: string; credential: boolean }[];
}

const PLACEHOLDER = /<[a-z][a-z-]*:\d+(?: claims=[A-Za-z0-9_.,-]*)?>/g;

/** Headers curl sets itself or that a copied request must not pin. */
const LEFT_OUT_HEADERS = new Set(['cookie', 'content-length', 'host']);

export function curlCommand(endpoint: Endpoint, host: Host): CurlCommand | null {
  const example = endpoint.example;
  if (!example) return null;
  const variables = new Variables(host.auth.credentials);
  const origin = host.baseUrl.slice(0, host.baseUrl.length - host.apiRoot.length);
  const path = example.path
    .split('/')
    .map((segment, i) => variables.fill(segment, (kind) => endpoint.pathParams.find((p) => p.position === i - 1)?.name ?? kind))
    .join('/');
  const query = example.query
    .map((q) => `${encodeQuery(q.name)}=${variables.fill(q.value, () => q.name, credentialIn(host, 'query', q.name), encodeQuery)}`)
    .join('&');
  const args: string[] = [];
  const method = endpoint.method;
  const body = example.body;
  if (method === 'HEAD') args.push('-I');
  else if (!((method === 'GET' && !body) || (method === 'POST' && body))) args.push(`-X ${quote(method)}`);
  args.push(words(`${origin}${path}${query ? `?${query}` : ''}`));
  // A header that echoes a cookie (anti-CSRF double submit) reads the same variable as the cookie.
  const echoed = new Map<string, string>();
  for (const header of example.headers) {
    if (LEFT_OUT_HEADERS.has(header.name)) continue;
    const credential = credentialIn(host, 'header', header.name);
    const filled = variables.fill(header.value, () => header.name, credential);
    const pair = host.auth.csrf.find((p) => p.header === header.name);
    const variable = filled.split(MARK)[1];
    if (pair && variable !== undefined && filled === `${MARK}${variable}${MARK}`) echoed.set(pair.cookie, variable);
    args.push(`-H ${words(`${header.name}: ${filled}`)}`);
  }
  // curl sends a body as a form unless told otherwise; the recorded media type says what it was.
  if (body && !example.headers.some((h) => h.name === 'content-type')) args.push(`-H ${words(`content-type: ${body.mediaType}`)}`);
  const cookies = example.cookies.flatMap((name) => {
    const credential = credentialIn(host, 'cookie', name);
    if (credential) return [`${name}=${variables.use(credential.variable, `cookie ${name}`, true)}`];
    const variable = echoed.get(name);
    return variable !== undefined ? [`${name}=${MARK}${variable}${MARK}`] : [];
  });
  if (cookies.length > 0) args.push(`-b ${words(cookies.join('; '))}`);
  if (body?.text !== undefined) args.push(`--data-raw ${words(variables.fill(body.text, (kind) => kind))}`);
  for (const field of body?.fields ?? []) args.push(`--data-urlencode ${words(`${field.name}=${variables.fill(field.value, () => field.name)}`)}`);
  return { command: `curl ${args.join(' \\\n  ')}`, variables: variables.list() };
}

/** A lone surrogate (a broken capture) cannot be percent-encoded: it is sent as U+FFFD. */
function encodeQuery(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function credentialIn(host: Host, where: Credential['in'], name: string): Credential | undefined {
  return host.auth.credentials.find((c) => c.in === where && (where === 'header' ? c.name.toLowerCase() === name.toLowerCase() : c.name === name));
}

/** A variable reference inside a word: `\u0000NAME\u0000`, expanded by `words`. */
const MARK = '\u0000';

class Variables {
  readonly #byPlaceholder = new Map<string, { name: string; placeholder: string; credential: boolean }>();
  readonly #names = new Set<string>();

  constructor(private readonly credentials: readonly Credential[]) {}

  /**
   * `text` with each placeholder replaced by a variable reference. A placeholder in a credential's
   * place takes the credential's variable; others are named by `place` (a header or parameter
   * name, or for bodies the placeholder's kind).
   */
  fill(text: string, place: (kind: string) => string, credential?: Credential, encode: (s: string) => string = (s) => s): string {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const placeholder = match[0];
      out += encode(text.slice(last, match.index));
      last = match.index + placeholder.length;
      const kind = placeholder.slice(1, placeholder.indexOf(':'));
      const known = this.#byPlaceholder.get(placeholder);
      const name = known?.name ?? (credential ? credential.variable : this.#claim(shellName(place(kind))));
      out += this.use(name, placeholder, credential !== undefined);
    }
    return out + encode(text.slice(last));
  }

  use(name: string, placeholder: string, credential: boolean): string {
    if (!this.#byPlaceholder.has(placeholder)) {
      this.#byPlaceholder.set(placeholder, { name, placeholder, credential });
      this.#names.add(name);
    }
    return `${MARK}${name}${MARK}`;
  }

  list(): CurlCommand['variables'] {
    const seen = new Set<string>();
    const out: CurlCommand['variables'] = [];
    for (const v of this.#byPlaceholder.values()) {
      if (seen.has(v.name)) continue;
      seen.add(v.name);
      out.push(v);
    }
    return out;
  }

  #claim(name: string): string {
    const reserved = new Set(this.credentials.map((c) => c.variable));
    let candidate = name;
    for (let n = 2; this.#names.has(candidate) || reserved.has(candidate); n++) candidate = `${name}_${n}`;
    return candidate;
  }
}

/**
 * One shell word: literal parts in single quotes (nothing inside is special), variable
 * references in double quotes (`'Bearer '"$BEARER_TOKEN"`), so no captured text is ever
 * interpreted by the shell.
 */
function words(text: string): string {
  const parts = text.split(MARK);
  let out = '';
  parts.forEach((part, i) => {
    if (i % 2 === 1) out += `"$${part}"`;
    else if (part !== '') out += quote(part);
  });
  return out === '' ? "''" : out;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
