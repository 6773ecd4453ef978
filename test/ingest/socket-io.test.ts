import { describe, expect, it } from 'vitest';
import { isSocketIoUrl, splitSocketIoFrame } from '../../src/ingest/socket-io.js';

describe('splitSocketIoFrame', () => {
  it.each([
    ['0{"sid":"abc","pingInterval":10000}', { prefix: '0', payload: '{"sid":"abc","pingInterval":10000}' }],
    ['40', { prefix: '40', payload: '' }],
    ['42["connect.ok"]', { prefix: '42', payload: '["connect.ok"]' }],
    ['40/contree-lobby,', { prefix: '40/contree-lobby,', payload: '' }],
    ['42/contree,0["getst"]', { prefix: '42/contree,0', payload: '["getst"]' }],
    ['43/contree,0[{"status":"ok"}]', { prefix: '43/contree,0', payload: '[{"status":"ok"}]' }],
    ['2', { prefix: '2', payload: '' }],
    ['3probe', { prefix: '3probe', payload: '' }],
    ['4hello', null],
    ['hello', null],
    ['{"type":"x"}', null],
  ])('%s', (data, frame) => {
    expect(splitSocketIoFrame(data)).toEqual(frame);
  });
});

describe('isSocketIoUrl', () => {
  it.each([
    ['/socket.io/', [{ name: 'EIO' }], true],
    ['/socket.io', [], true],
    ['/v3/channel_123', [], false],
  ])('%s', (path, query, expected) => {
    expect(isSocketIoUrl(path, query)).toBe(expected);
  });
});
