import { describe, expect, it } from 'vitest';
import { classifySegment, dropMatrixValues, shapeOf, splitExtension } from '../../src/normalise/segments.js';
import { expectCostRatio } from '../support/timing.js';

describe('classifySegment: identifiers', () => {
  it.each([
    ['42', 'integer', 'integer'],
    ['1460323737035677698', 'integer', 'integer'],
    ['0f8fad5b-d9cb-469f-a165-70867728950e', 'uuid', 'uuid'],
    ['0F8FAD5B-D9CB-169F-A165-70867728950E', 'uuid', 'uuid'],
    ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 'ulid', 'ulid'],
    ['507f1f77bcf86cd799439011', 'objectid', '24 hex (ObjectId)'],
    ['6dcb09b5b57875f334f61aebed695e2e4193db5e', 'hex', '40 hex'],
    ['00008101-001C59490C80801E', 'hex', '8 hex-16 hex'],
    ['g-p-676071f578e48191bb71c4c1757ce2ec', 'prefixed', 'g-p-<32 hex>'],
    ['file-6DWaTbWH9v4CUjEy30nk9z', 'prefixed', 'file-<base62>'],
    ['user-Xk2lLq9wPz1T', 'prefixed', 'user-<base62>'],
    ['ord_8xKcP2mQ4nR7', 'prefixed', 'ord_<base62>'],
    ['cus_NffrFeUfNV2Hib', 'prefixed', 'cus_<base62>'],
    ['conv-0f8fad5b-d9cb-469f-a165-70867728950e', 'prefixed', 'conv-<uuid>'],
    ['PROJ-1234', 'prefixed', 'PROJ-<integer>'],
    ['2024-03-01', 'date', 'date'],
    ['2024-03', 'date', 'year-month'],
    ['2024-03-01T10:00:00Z', 'datetime', 'date-time'],
    ['alex@example.com', 'email', 'email'],
    ['<email:1>', 'email', 'email'],
    ['<token:3>', 'token', 'redacted value'],
    ['WjE9O1d8ELCb8POiOw4pn', 'token', 'opaque token'],
    ['eyJhbm9ueW1vdXMiOnRydWV9', 'token', 'opaque token'],
    ['P2JCJH3E2SNA', 'token', 'alphanumeric code'],
    ['dQw4w9WgXcQ', 'token', 'alphanumeric code'],
    ['evey2dnr2r', 'token', 'alphanumeric code'],
    ['!AbCdEfGh:example.org', 'prefixed', '!<opaque>:<server>'],
    ['@alice:example.org', 'prefixed', '@<opaque>:<server>'],
    ['$Qw8rTy5uIo2pAs4dFg6hJk', 'prefixed', '$<opaque>'],
    ['#lobby:example.org', 'prefixed', '#<opaque>:<server>'],
    ['alice:matrix.example.org', 'token', '<opaque>:<server>'],
    ['m1700000000000.12', 'token', 'timestamp id'],
    ['1700000000.5', 'token', 'timestamp id'],
    ['+306912345678', 'token', 'phone number'],
    ['06912345678', 'token', 'phone number'],
  ])('%s is %s (%s)', (segment, kind, pattern) => {
    expect(classifySegment(segment)).toMatchObject({ kind, pattern });
  });
});

describe('classifySegment: regex for OpenAPI pattern', () => {
  it.each([
    ['42', '^[0-9]+$'],
    ['g-p-676071f578e48191bb71c4c1757ce2ec', '^g-p-[0-9a-fA-F]{32}$'],
    ['file-6DWaTbWH9v4CUjEy30nk9z', '^file-[A-Za-z0-9]+$'],
    ['ord_8xKcP2mQ4nR7', '^ord_[A-Za-z0-9]+$'],
    ['conv-0f8fad5b-d9cb-469f-a165-70867728950e', '^conv-[0-9a-fA-F-]{36}$'],
    ['PROJ-1234', '^PROJ-[0-9]+$'],
    ['00008101-001C59490C80801E', '^[0-9a-fA-F]{8}-[0-9a-fA-F]{16}$'],
  ])('%s → %s', (segment, regex) => {
    expect(classifySegment(segment).regex).toBe(regex);
  });

  // ajv and OpenAPI tooling compile `pattern` in Unicode mode, where `\-` outside a class is a
  // syntax error; the model's regex must work there and in plain mode alike, and match its value.
  it.each([
    '42',
    '0f8fad5b-d9cb-469f-a165-70867728950e',
    '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    '507f1f77bcf86cd799439011',
    '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    '00008101-001C59490C80801E',
    'g-p-676071f578e48191bb71c4c1757ce2ec',
    'file-6DWaTbWH9v4CUjEy30nk9z',
    'user-Xk2lLq9wPz1T',
    'ord_8xKcP2mQ4nR7',
    'cus_NffrFeUfNV2Hib',
    'a-b_c-9f8e7d6c5b4a39281706',
    'conv-0f8fad5b-d9cb-469f-a165-70867728950e',
    'PROJ-1234',
    'ticket-99871',
    '2024-03-01',
    '2024-03',
  ])('%s: the regex compiles with and without the u flag and matches', (segment) => {
    const { regex } = classifySegment(segment);
    expect(regex).toBeDefined();
    expect(new RegExp(regex!, 'u').test(segment)).toBe(true);
    expect(new RegExp(regex!).test(segment)).toBe(true);
  });
});

describe('classifySegment: words', () => {
  it.each([
    'me',
    'settings',
    'conversations',
    'stream_status',
    'generate_autocompletions',
    'chat-requirements',
    'snorlax',
    'v2',
    'v4-2023-04-27',
    'GetNavigationMenu2',
    'getCurrentUser',
    'clear220',
    'html5',
    'release-notes-2023',
    'innerFormPartial-83b6babd9c',
    'formData1635181768800_en',
    'payment_intents',
    'channel_123',
    'chat.postMessage',
    'deadbeefdeadbeef',
    'abcdefghijklmnopqrstuvwxyz',
    'P2JCJHVKKCNN',
    'm.room.message',
    'v1:batchGet',
    'users:search',
    '2024.1',
    '@',
    '',
  ])('%j is a word', (segment) => {
    expect(classifySegment(segment).kind).toBe('word');
  });

  it('treats a 10 MB segment as an opaque token in linear time', () => {
    const huge = 'a1'.repeat(5_000_000);
    const hostile = `${'a-'.repeat(2000)}!`;
    expect(classifySegment(huge).kind).toBe('token');
    expect(classifySegment(hostile).kind).toBe('word');
    // Ten times the input, at most about ten times the time: a backtracking pattern takes a
    // hundred times or more (see test/support/timing.ts for why this holds on a busy machine).
    expectCostRatio(
      () => classifySegment(huge),
      () => classifySegment(huge.slice(0, huge.length / 10)),
      40,
    );
    expectCostRatio(
      () => classifySegment(hostile),
      () => classifySegment(`${'a-'.repeat(200)}!`),
      40,
    );
  });
});

describe('segment helpers', () => {
  it.each([
    ['450789469.json', ['450789469', '.json']],
    ['orders.json', ['orders', '.json']],
    ['chat.postMessage', ['chat.postMessage', '']],
    ['3.0', ['3.0', '']],
    ['.json', ['.json', '']],
  ])('splitExtension(%j)', (segment, expected) => {
    expect(splitExtension(segment)).toEqual(expected);
  });

  it.each([
    ['cart;jsessionid=A1B2', 'cart;jsessionid'],
    ['ADTECH;loc=100;misc=1515916350133', 'ADTECH;loc;misc'],
    ['plain', 'plain'],
  ])('dropMatrixValues(%j)', (segment, expected) => {
    expect(dropMatrixValues(segment)).toBe(expected);
  });

  it('gives ids of one format one shape, and vocabulary none', () => {
    expect(shapeOf('P2JCJH3E2SNA')).toBe(shapeOf('P2JCJHVKKCNN'));
    expect(shapeOf('P2JCJH3E2SNA')).not.toBe(shapeOf('P2JCJH3E2SN'));
    expect(shapeOf('snorlax')).toBeNull();
  });
});
