import { describe, expect, it } from 'vitest';
import { type NameContext, paramName } from '../../src/normalise/names.js';

const base: NameContext = { parent: null, grandparent: null, kind: 'integer', prefix: null };

describe('paramName', () => {
  it.each<[string, Partial<NameContext>, string]>([
    ['plural parent', { parent: 'conversations' }, 'conversation_id'],
    ['singular parent', { parent: 'conversation' }, 'conversation_id'],
    ['-ies plural', { parent: 'categories' }, 'category_id'],
    ['irregular plural', { parent: 'people' }, 'person_id'],
    ['snake case', { parent: 'payment_intents' }, 'payment_intent_id'],
    ['kebab case', { parent: 'data-scripts' }, 'data_script_id'],
    ['camelCase', { parent: 'externalAccounts' }, 'external_account_id'],
    ['extension on the parent', { parent: 'orders.json' }, 'order_id'],
    ['parent already ends in _id', { parent: 'user_id' }, 'user_id'],
    ['parent is id', { parent: 'id' }, 'id'],
    ['dates', { parent: 'daily', kind: 'date' }, 'date'],
    ['date-times', { parent: 'since', kind: 'datetime' }, 'date'],
    ['no parent', {}, 'id'],
    ['a version is no name', { parent: 'v1' }, 'id'],
    ['an API root is no name', { parent: 'api' }, 'id'],
    ['a domain is no name', { parent: 'expressen.se' }, 'id'],
    ['a one-letter parent is no name', { parent: 'i' }, 'id'],
    ['an action names by the id prefix', { parent: 'download', grandparent: 'files', kind: 'prefixed', prefix: 'file-' }, 'file_id'],
    ['an action without prefix names by the collection', { parent: 'download', grandparent: 'attachments', kind: 'uuid' }, 'attachment_id'],
    ['a plural parent wins over the prefix', { parent: 'customers', kind: 'prefixed', prefix: 'cus_' }, 'customer_id'],
    ['a parent that the prefix abbreviates', { parent: 'project', kind: 'prefixed', prefix: 'proj_' }, 'project_id'],
    ['an unrelated singular parent loses to the prefix', { parent: 'attachment', kind: 'prefixed', prefix: 'file-' }, 'file_id'],
    ['a short prefix does not name', { parent: 'gizmos', kind: 'prefixed', prefix: 'g-p-' }, 'gizmo_id'],
    ['no parent but a prefix', { kind: 'prefixed', prefix: 'user-' }, 'user_id'],
    ['an email without parent', { kind: 'email' }, 'email'],
    ['an email under a collection is an email', { parent: 'subscribers', kind: 'email' }, 'email'],
    ['an email under a lookup word', { parent: 'by-email', grandparent: 'users', kind: 'email' }, 'email'],
    ['a lookup word names the value', { parent: 'by-name', grandparent: 'users', kind: 'word' }, 'name'],
    ['a camelCase lookup word', { parent: 'bySlug', kind: 'word' }, 'slug'],
    ['a lookup by id names by the collection', { parent: 'by-id', grandparent: 'users' }, 'user_id'],
    ['bytes is no lookup', { parent: 'bytes' }, 'byte_id'],
    ['a gateway word that is a noun names', { parent: 'services' }, 'service_id'],
    ['a stage word is no name', { parent: 'public' }, 'id'],
    ['-ie plurals', { parent: 'movies' }, 'movie_id'],
    ['-che plurals', { parent: 'caches' }, 'cache_id'],
  ])('%s', (_name, context, expected) => {
    expect(paramName({ ...base, ...context })).toBe(expected);
  });
});
