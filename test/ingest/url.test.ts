import { describe, expect, it } from 'vitest';
import { parsePlainUrl, parseQuery, parseRequestUrl, parseWhatwgUrl } from '../../src/ingest/url.js';

/** URLs the pattern splits itself: each must give exactly what the WHATWG parser gives. */
const PLAIN = [
  'https://api.example.com/v1/items',
  'https://api.example.com',
  'http://localhost:8080/health',
  'https://api.example.com:443/v1',
  'http://api.example.com:80/v1',
  'wss://socket.example.com/ws?token=abc',
  'ws://socket.example.com:80/',
  'https://api.example.com:65535/x',
  'https://api.example.com/a//b/',
  "https://api.example.com/users/42/items;v=1/(x)!$&'*+,=:@~_-",
  'https://api.example.com/a%20b/%zz/%',
  'https://api.example.com/search?q=a&b=&c&&d=1=2',
  'https://api.example.com/search?=x&y',
  'https://api.example.com/p?',
  'https://api.example.com/p#',
  'https://api.example.com/p#frag',
  'https://api.example.com/p#a#b?c',
  'https://api.example.com/p?a=1#b=2',
  'https://api.example.com?a=1',
  'https://api.example.com#top',
  "https://api.example.com/p?q='quoted'&r={x}|[y]^\\z",
  'https://api.example.com/p?a=%20&b=c+d&e=%E2%82%AC&f=%zz&g=%',
  'https://api.example.com/p??a=1',
  'https://api.example.com/p?&&a=1&&',
  'https://1.2.example.com/x',
  'https://a-b.c-d.example/x',
  'https://-a-.example/x',
  'https://api.example.com/.well-known/x',
  'https://api.example.com/a.b/..c/d..',
  'https://api.example.com/%2f/x',
  'https://api.example.com/a/./b',
  'https://api.example.com/a/../b',
  'https://api.example.com/a/.',
  'https://api.example.com/a/..',
  'https://api.example.com/a/%2e/b',
  'https://api.example.com/a/%2E%2e/b',
  'https://xn--nxasmq6b.example/x',
  'https://api.xn--nxasmq6b/x',
  'https://api.example.com:65536/x',
  'https://api.example.com:0443/x',
];

/** URLs the pattern leaves to the WHATWG parser (they are written differently, or invalid). */
const OTHER = [
  'HTTPS://API.EXAMPLE.COM/x',
  'https://API.example.com/x',
  'https://127.0.0.1/x',
  'https://0x7f.1/x',
  'https://example.123/x',
  'https://example.com./x',
  'https://a..b/x',
  'https://[::1]:8080/x',
  'https://user:pass@api.example.com/x',
  'https://api.example.com:/x',
  'https://api.example.com/a b',
  ' https://api.example.com/x',
  'https://api.example.com/x ',
  'https://api.example.com/x\t',
  'https://api.example.com/a\nb',
  'https://api.example.com/a\\b',
  'https://api.example.com/a"b',
  'https://api.example.com/a{b}',
  'https://api.example.com/a`b',
  'https://api.example.com/a^b',
  'https://api.example.com/a|b',
  'https://api.example.com/é',
  'https://api.example.com/p?q=é',
  'https://api.example.com/p?q=\ud800',
  'https://api.example.com/p?q=a b',
  'https://api.example.com/p?q="x"',
  'https://api.example.com/p#a b',
  'https://api.example.com/p#a`b',
  'https://bücher.example/x',
  'https://api_x.example.com/x',
  'http:/api.example.com/x',
  'http:api.example.com/x',
  'https:///x',
  'ftp://files.example.com/x',
  'data:text/plain,hello',
  '/relative/path',
  '',
];

describe('parseRequestUrl', () => {
  it.each(PLAIN)('splits %j as the WHATWG parser does', (url) => {
    const plain = parsePlainUrl(url);
    expect(plain ?? parseWhatwgUrl(url)).toEqual(parseWhatwgUrl(url));
    expect(parseRequestUrl(url)).toEqual(parseWhatwgUrl(url));
  });

  it('splits the common URLs itself', () => {
    for (const url of PLAIN.slice(0, 26)) expect(parsePlainUrl(url), url).not.toBeNull();
  });

  it.each(OTHER)('leaves %j to the WHATWG parser', (url) => {
    expect(parsePlainUrl(url)).toBeNull();
    expect(parseRequestUrl(url)).toEqual(parseWhatwgUrl(url));
  });

  it('agrees with the WHATWG parser on URLs put together from awkward pieces', () => {
    const hosts = ['a.example', 'x1.example.com', '9a.example', 'localhost:3000', 'h.example:443', 'h.example:80'];
    const paths = ['', '/', '/a/b', '/a/./b', '/a/../../b', '/%2e%2E/x', "/a;b=c,d/!$&'()*+", '/a%/b%4'];
    const queries = ['', '?', '?a', '?a=1&a=2', '?a=b=c', '?=&=', '?a+b=c+d', '?x=%41%zz', '?%26=%3D', '?q=\'"<>`'];
    const fragments = ['', '#', '#x', '#x?y#z', '#a<b'];
    for (const scheme of ['http', 'https', 'ws', 'wss'])
      for (const host of hosts)
        for (const path of paths)
          for (const query of queries)
            for (const fragment of fragments) {
              const url = `${scheme}://${host}${path}${query}${fragment}`;
              expect(parseRequestUrl(url), url).toEqual(parseWhatwgUrl(url));
            }
  });
});

describe('parseQuery', () => {
  it.each([
    ['', []],
    ['?', []],
    [
      '?a=1&b',
      [
        { name: 'a', value: '1' },
        { name: 'b', value: '' },
      ],
    ],
    ['??a=1', [{ name: '?a', value: '1' }]],
    ['a=1', [{ name: 'a', value: '1' }]],
    ['?a+b=%41', [{ name: 'a b', value: 'A' }]],
  ])('%j', (search, pairs) => {
    expect(parseQuery(search)).toEqual(pairs);
    expect(parseQuery(search)).toEqual([...new URLSearchParams(search)].map(([name, value]) => ({ name, value })));
  });
});
