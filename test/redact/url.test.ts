import { describe, expect, it } from 'vitest';
import type { ExchangeUrl } from '../../src/exchange.js';
import { redactExchangeUrl, redactUrlText } from '../../src/redact/url.js';
import { redactText } from '../../src/redact/text.js';
import { freshScope } from './fresh-scope.js';

const TOKEN = 'Xq7Lm2Np9Rs4Tv6Wy8Za1Bc3';

describe('redactUrlText', () => {
  it.each([
    ['an OAuth redirect', 'https://app.example/cb?code=abc123&state=xyz98765', 'https://app.example/cb?code=<token:1>&state=<token:2>'],
    [
      'an implicit-flow fragment',
      `https://app.example/#access_token=${TOKEN}&token_type=Bearer`,
      'https://app.example/#access_token=<token:1>&token_type=Bearer',
    ],
    ['a relative redirect', `/login?next=%2Fhome&token=${TOKEN}`, '/login?next=%2Fhome&token=<token:1>'],
    ['userinfo', 'https://admin:pw@db.example/x', 'https://<credentials:1>@db.example/x'],
    [
      'a URL inside a query value',
      `https://a.example/?redirect_uri=${encodeURIComponent(`https://b.example/cb?token=${TOKEN}`)}`,
      'https://a.example/?redirect_uri=https%3A%2F%2Fb.example%2Fcb%3Ftoken%3D<token:1>',
    ],
    ['an email path segment', '/users/jane%40example.org/profile', '/users/<email:1>/profile'],
    ['a capability path segment', '/reset/abcdefgh2345', '/reset/<token:1>'],
    [
      'signed-URL parameters',
      'https://s3.example/f?X-Amz-Signature=0a1b2c3d4e5f&X-Amz-Credential=AKIA%2F2025',
      'https://s3.example/f?X-Amz-Signature=<signature:1>&X-Amz-Credential=<credentials:1>',
    ],
    ['a token as a valueless parameter', `https://a.example/x?${TOKEN}`, 'https://a.example/x?<token:1>'],
    ['a name next to a surname in a query', 'https://a.example/find?name=Jane&surname=Doe', 'https://a.example/find?name=<name:1>&surname=<name:2>'],
  ])('%s', (_label, input, expected) => {
    expect(redactUrlText(input, freshScope())).toBe(expected);
  });

  it.each([
    'https://api.example/v1/conversations/e4c3f2d5-f08a-4497-acbd-444cedb7f254?limit=20&offset=0',
    '/gizmos/g-p-0f3a9c2b7d1e4f5a6b7c8d9e0f1a2b3c/conversations',
    '/files/file-6DWaTbWH9v4CUjEy30nk9z?theme=dark',
    'https://app.example/#/settings/profile',
    '/reset/password',
    'https://a.example/projects?name=billing-api&sort=asc',
  ])('leaves %s alone', (input) => {
    expect(redactUrlText(input, freshScope())).toBe(input);
  });
});

describe('redactExchangeUrl', () => {
  it('redacts decoded query values by name and shape, path and fragment, and keeps the rest', () => {
    const url: ExchangeUrl = {
      scheme: 'https',
      host: 'api.example',
      path: '/v1/users/jane%40example.org',
      query: [
        { name: 'api_key', value: 'k-123456789' },
        { name: 'page', value: '2' },
      ],
      fragment: 'id_token=abc.defghi',
    };
    const redacted = redactExchangeUrl(url, freshScope());
    expect(redacted).toEqual({
      ...url,
      path: '/v1/users/<email:1>',
      query: [
        { name: 'api_key', value: '<api-key:1>' },
        { name: 'page', value: '2' },
      ],
      fragment: 'id_token=<token:1>',
    });
    expect(url.query[0]!.value).toBe('k-123456789');
  });

  it('reads query parameters as siblings: a name next to a phone is a person', () => {
    const url: ExchangeUrl = {
      scheme: 'https',
      host: 'api.example',
      path: '/v1/search',
      query: [
        { name: 'name', value: 'Jane Doe' },
        { name: 'phone', value: '+1 415 555 0100' },
      ],
      fragment: '',
    };
    expect(redactExchangeUrl(url, freshScope()).query).toEqual([
      { name: 'name', value: '<name:1>' },
      { name: 'phone', value: '<phone:1>' },
    ]);
    const alone: ExchangeUrl = {
      ...url,
      query: [
        { name: 'name', value: 'gpt-4o' },
        { name: 'limit', value: '10' },
      ],
    };
    expect(redactExchangeUrl(alone, freshScope())).toBe(alone);
  });

  it('returns the same object when nothing needs redacting', () => {
    const url: ExchangeUrl = { scheme: 'https', host: 'api.example', path: '/v1/items/42', query: [{ name: 'page', value: '2' }], fragment: '' };
    expect(redactExchangeUrl(url, freshScope())).toBe(url);
  });
});

describe('connection strings and webhooks', () => {
  it.each([
    ['postgres://app_user:S3cretPass@db.internal.example:5432/app', 'postgres://<credentials:1>@db.internal.example:5432/app'],
    ['redis://:r3disPass@cache.example:6379/0', 'redis://<credentials:1>@cache.example:6379/0'],
    ['amqp://guest:gu3stPass@mq.example/vhost', 'amqp://<credentials:1>@mq.example/vhost'],
    ['mongodb+srv://admin:m0ngoPass@cluster0.example.net/db?retryWrites=true', 'mongodb+srv://<credentials:1>@cluster0.example.net/db?retryWrites=true'],
    [
      'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=ab+cd/ef12GH34ij56KL78mn90OP==;EndpointSuffix=core.windows.net',
      'DefaultEndpointsProtocol=https;AccountName=<name:1>;AccountKey=<api-key:1>;EndpointSuffix=core.windows.net',
    ],
    ['SharedAccessKeyName=Root;SharedAccessKey=xy+z/AB12cd34EF56gh78IJ90kl=', 'SharedAccessKeyName=Root;SharedAccessKey=<api-key:1>'],
    ['https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/aBcDeFgHiJkLmNoPqRsTuVwX', '<webhook:1>'],
    ['post to https://discord.com/api/webhooks/123456789012345678/aBcD-eFgH_iJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHi now', 'post to <webhook:1> now'],
    ['https://api.github.example/repos/o/r/hooks/12345678', 'https://api.github.example/repos/o/r/hooks/12345678'],
  ])('%s', (text, expected) => {
    expect(redactText(text, freshScope())).toBe(expected);
  });
});
