/**
 * Endpoint names: method and literal path words after the API root, made unique by parameters,
 * then host, then a number; shared by operationIds, component schemas and TypeScript types.
 */
import { describe, expect, it } from 'vitest';
import { camelCase, nameEndpoints, pascalCase } from '../../../src/render/openapi/names.js';
import { makeEndpoint, makeModel } from '../../support/model.js';

describe('pascalCase', () => {
  it.each([
    ['conversation', 'Conversation'],
    ['chat-requirements', 'ChatRequirements'],
    ['generate_autocompletions', 'GenerateAutocompletions'],
    ['getUser', 'GetUser'],
    ['ab.chatgpt.com', 'AbChatgptCom'],
    ['localhost:8080', 'Localhost8080'],
    ['v4-2023-04-27', 'V420230427'],
    ['__', ''],
    ['café', 'Caf'],
  ])('%s → %s', (text, expected) => {
    expect(pascalCase(text)).toBe(expected);
  });

  it('camelCase lowers only the first letter', () => {
    expect(camelCase('GetConversation')).toBe('getConversation');
  });
});

describe('nameEndpoints', () => {
  const names = (specs: Parameters<typeof makeEndpoint>[0][], apiRoots: Record<string, string> = {}) => {
    const model = makeModel(specs.map((s) => makeEndpoint(s)));
    model.hosts = model.hosts.map((h) => ({ ...h, apiRoot: apiRoots[h.name] ?? '' }));
    return [...nameEndpoints(model).values()];
  };

  it.each([
    ['GET', '/backend-api/conversation/{conversation_id}', 'GetConversation'],
    ['POST', '/backend-api/f/conversation', 'PostFConversation'],
    ['GET', '/api/v2/users', 'GetUsers'],
    ['GET', '/v1.1/statuses/home_timeline.json', 'GetStatusesHomeTimelineJson'],
    ['GET', '/', 'GetRoot'],
    ['GET', '/api', 'GetApi'],
    ['GET', '/{date}/{id}.jpg', 'GetJpg'],
    ['PROPFIND', '/files', 'PropfindFiles'],
  ])('%s %s → %s', (method, path, expected) => {
    expect(names([{ method, path }])).toEqual([expected]);
  });

  it('strips the host API root', () => {
    expect(names([{ path: '/rest/2/issue/{issue_id}' }], { 'api.example.com': '/rest/2' })).toEqual(['GetIssue']);
  });

  it('names endpoints that would clash by their parameters', () => {
    expect(names([{ path: '/items' }, { path: '/items/{item_id}' }, { path: '/orders' }])).toEqual(['GetItems', 'GetItemsByItemId', 'GetOrders']);
  });

  it('names the same path on two hosts by host', () => {
    expect(
      names([
        { path: '/collect', host: 'a.example.com' },
        { path: '/collect', host: 'b.example.com' },
      ]),
    ).toEqual(['GetAExampleComCollect', 'GetBExampleComCollect']);
  });

  it('numbers what nothing else tells apart, in model order', () => {
    expect(names([{ path: '/a-b' }, { path: '/a_b' }, { path: '/a.b' }])).toEqual(['GetAB', 'GetAB2', 'GetAB3']);
  });

  it('never numbers into a name another endpoint already has', () => {
    expect(names([{ path: '/a-b' }, { path: '/a_b' }, { path: '/a/b2' }])).toEqual(['GetAB', 'GetAB3', 'GetAB2']);
  });
});
