/**
 * A held-out synthetic capture with a whole client flow: sign-in hands out a token (body and
 * `Set-Cookie`), a list hands out ids and a cursor, later calls send them in the path, the query,
 * a header and the body. Its JSON keys and one resource are named with everything a capture can
 * put into a diagram's text (quotes, `;`, `#`, `%%`, `<`, `>`, `&`, `:`, `,`, backticks, a line
 * break, bidi controls, Mermaid keywords such as `end`), so the flow diagrams built from it must
 * escape them. Every value is invented; `extraCalls` adds producer → consumer pairs to make the
 * flow longer than a diagram shows.
 */
import { harEntry } from './har.js';

const API = 'https://flow.example.test/api/v1';

/** JSON keys that carry ids in the capture: each is hostile to Mermaid or HTML in its own way. */
export const HOSTILE_KEYS = [
  'end',
  'id;note over P0: x',
  '#35;hash#',
  '%%comment',
  '<b onmouseover="alert(1)">x</b>',
  'a"b\'c`d',
  'x:y,z',
  'line\nbreak',
  '\u202eevil\u202c',
  '$$x$$',
  'participant',
  '--> P0',
];

const TOKEN = 'tkn_4Qm9Zr7Lx2Wc8Vb5Nd3Hs6Jf';
const id = (n: number): string => `0f8e${String(n).padStart(4, '0')}-3c2b-4a19-8d7e-6b5a4c3d2e1f`;

export function buildFlowCapture(extraCalls = 0): string {
  const bearer = [['authorization', `Bearer ${TOKEN}`]] as const;
  const items = HOSTILE_KEYS.map((key, i) => ({ [key]: id(i + 1), label: 'item' }));
  const entries: Record<string, unknown>[] = [
    harEntry({
      method: 'POST',
      url: `${API}/sessions`,
      requestJson: { user: 'demo', remember: true },
      json: { access_token: TOKEN, expires_in: 3600 },
      responseHeaders: [['set-cookie', 'sid=sess_8Kd2Lq9Xw4Rt7Yp1; Path=/; HttpOnly']],
    }),
    harEntry({ url: `${API}/orders?limit=50`, requestHeaders: bearer, json: { items, next: 'cur_Zx81Qp02Lm7Tn' } }),
    harEntry({ url: `${API}/orders?limit=50&cursor=cur_Zx81Qp02Lm7Tn`, requestHeaders: bearer, json: { items: [], next: null } }),
    ...HOSTILE_KEYS.map((_, i) => harEntry({ url: `${API}/orders/${id(i + 1)}`, requestHeaders: bearer, json: { ok: true } })),
    harEntry({
      method: 'POST',
      url: `${API}/payments`,
      requestHeaders: [...bearer, ['x-order', id(2)]],
      requestCookies: [['sid', 'sess_8Kd2Lq9Xw4Rt7Yp1']],
      requestJson: { order: id(1), amount: 12 },
      json: { payment: 'pay_7Hq2Lx9Rt4Mv' },
    }),
    harEntry({ url: `${API}/end%3Bx/${'pay_7Hq2Lx9Rt4Mv'}`, requestHeaders: bearer, json: { ok: true } }),
  ];
  for (let n = 0; n < extraCalls; n++) {
    const value = `ref_${n}Kq${String(n * 7919).padStart(6, '0')}Zp`;
    entries.push(harEntry({ url: `${API}/step${n}/start`, requestHeaders: bearer, json: { ref: value } }));
    entries.push(harEntry({ method: 'POST', url: `${API}/step${n}/finish`, requestHeaders: bearer, requestJson: { ref: value }, json: { ok: true } }));
  }
  entries.forEach((entry, i) => {
    entry.startedDateTime = new Date(Date.UTC(2025, 0, 1, 12, 0, i)).toISOString();
  });
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'flow-test', version: '1' }, entries } });
}
