/**
 * Reserved words of URLs (`me`, `new`, `search`, `bootstrap`): values of no parameter, each its
 * own endpoint. Path templating (normalise/templates.ts) keeps them literal, and endpoint matching
 * in a diff (diff/match.ts) never reads them as a value of a template on the other side. Kept
 * outside the stages so neither has to import the other for them.
 */

const RESERVED = new Set([
  'me', 'my', 'mine', 'self', 'current', 'new', 'create', 'edit', 'update', 'delete', 'remove',
  'search', 'find', 'query', 'filter', 'count', 'all', 'list', 'latest', 'recent', 'popular',
  'top', 'trending', 'featured', 'default', 'bootstrap', 'sidebar', 'settings', 'config',
  'configuration', 'preferences', 'profile', 'account', 'session', 'login', 'logout', 'signin',
  'signout', 'signup', 'register', 'auth', 'oauth', 'token', 'refresh', 'callback', 'status',
  'health', 'healthz', 'ping', 'version', 'info', 'metadata', 'meta', 'stats', 'summary', 'batch',
  'bulk', 'export', 'import', 'upload', 'download', 'preview', 'init', 'start', 'stop', 'cancel',
  'retry', 'archive', 'archived', 'trash', 'drafts', 'inbox', 'public', 'private', 'shared',
  'home', 'index', 'feed', 'events', 'stream', 'history', 'suggestions', 'autocomplete', 'lookup',
  'validate', 'verify', 'check', 'next', 'previous', 'prev', 'first', 'last', 'random', 'today',
  'upcoming', 'active', 'pending', 'unread', 'graphql', 'webhooks', 'stable', 'beta', 'alpha',
]);

export function isReservedWord(segment: string): boolean {
  return RESERVED.has(segment.toLowerCase());
}
