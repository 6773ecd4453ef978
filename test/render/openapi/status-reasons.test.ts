/**
 * OpenAPI response descriptions name the status by its reason phrase from a table of our own
 * (loading node:http for its table cost every run Node's HTTP stack). The table must say what
 * Node says; should a newer Node word a phrase differently, decide here which one references show.
 */
import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { STATUS_REASONS } from '../../../src/render/openapi/status-reasons.js';

describe('the reason phrases of HTTP statuses', () => {
  it.each([
    [200, 'OK'],
    [204, 'No Content'],
    [301, 'Moved Permanently'],
    [404, 'Not Found'],
    [418, "I'm a Teapot"],
    [429, 'Too Many Requests'],
    [503, 'Service Unavailable'],
    [299, undefined],
    [599, undefined],
  ])('%i → %s', (status, reason) => {
    expect(STATUS_REASONS[status]).toBe(reason);
  });

  it("are Node's http.STATUS_CODES, every one", () => {
    expect(Object.fromEntries(Object.entries(STATUS_REASONS))).toEqual({ ...STATUS_CODES });
  });
});
