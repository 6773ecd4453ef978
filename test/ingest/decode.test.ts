import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeCaptureBytes } from '../../src/ingest/decode.js';

const har = '{"log":{"version":"1.2","entries":[{"request":{"url":"https://api.example.com/é"}}]}}';
const utf16 = (text: string, bigEndian: boolean): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
};

describe('decodeCaptureBytes', () => {
  it.each([
    ['plain UTF-8', Buffer.from(har)],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(har)])],
    ['gzip (capture.har.gz)', gzipSync(har)],
    ['zlib (mitmproxy .zhar)', deflateSync(har)],
    ['zlib at best compression', deflateSync(har, { level: 9 })],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(har, false)])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(har, true)])],
    ['UTF-16 LE without a BOM', utf16(har, false)],
    ['UTF-16 BE without a BOM', utf16(har, true)],
  ])('reads %s', (_name, bytes) => {
    expect(decodeCaptureBytes(bytes, 'a.har')).toBe(har);
  });

  it('keeps going past invalid UTF-8, as U+FFFD', () => {
    expect(decodeCaptureBytes(Buffer.from([0x7b, 0xff, 0x7d]), 'a.har')).toBe('{\ufffd}');
  });

  it('leaves text that merely starts like a zlib header to the JSON parser', () => {
    // 0x78 0x5e is "x^": a valid zlib header, but the rest is plain text.
    expect(decodeCaptureBytes(Buffer.from('x^ not json at all'), 'a.har')).toBe('x^ not json at all');
  });

  it.each([
    ['a truncated gzip file', gzipSync(har).subarray(0, 30), 'E_READ', 'a.har: the file is gzip-compressed but cannot be decompressed (it ends early)'],
    ['a corrupt zlib file', Buffer.concat([deflateSync(har).subarray(0, 10), Buffer.alloc(20, 0xaa)]), 'E_READ', 'zlib-compressed but cannot be decompressed'],
    ['a ZIP archive', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'E_NOT_HAR', 'a.har: this is a ZIP archive (unzip it first), not a HAR'],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'E_NOT_HAR', 'this is an image, not a HAR'],
    ['a Zstandard file', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2]), 'E_NOT_HAR', 'Zstandard-compressed'],
    ['binary data with NUL bytes', Buffer.from([0x01, 0x02, 0x00, 0x03, 0x00]), 'E_NOT_HAR', 'this is binary data, not a HAR'],
  ])('rejects %s in one line', (_name, bytes, code, message) => {
    expect(() => decodeCaptureBytes(bytes, 'a.har')).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });

  it('refuses a compressed file that inflates past the bound (a zip bomb)', () => {
    const bomb = gzipSync(Buffer.alloc(1 << 20, 0x20));
    expect(bomb.length).toBeLessThan(2048);
    expect(() => decodeCaptureBytes(bomb, 'bomb.har.gz', 1 << 16)).toThrow(
      expect.objectContaining({ code: 'E_READ', message: expect.stringContaining('inflates to more than') }),
    );
  });

  it('lets JSON with a stray NUL through, for the parser to say where it breaks', () => {
    expect(decodeCaptureBytes(Buffer.from('{"log":\u0000}'), 'a.har')).toBe('{"log":\u0000}');
  });
});
