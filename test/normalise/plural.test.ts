import { describe, expect, it } from 'vitest';
import { isPlural, singular } from '../../src/normalise/plural.js';

describe('singular', () => {
  it.each([
    // regular
    ['users', 'user'],
    ['repos', 'repo'],
    ['gizmos', 'gizmo'],
    ['videos', 'video'],
    ['ideas', 'idea'],
    ['cases', 'case'],
    ['responses', 'response'],
    ['releases', 'release'],
    ['archives', 'archive'],
    ['devices', 'device'],
    ['sizes', 'size'],
    // -ies: -y words and -ie words
    ['categories', 'category'],
    ['currencies', 'currency'],
    ['movies', 'movie'],
    ['cookies', 'cookie'],
    ['ties', 'tie'],
    // -es after a sibilant, and the -che nouns among them
    ['boxes', 'box'],
    ['branches', 'branch'],
    ['coaches', 'coach'],
    ['hashes', 'hash'],
    ['addresses', 'address'],
    ['caches', 'cache'],
    ['page_caches', 'page_cache'],
    ['headaches', 'headache'],
    ['buzzes', 'buzz'],
    ['waltzes', 'waltz'],
    ['quizzes', 'quiz'],
    // -us, -is, -as nouns
    ['statuses', 'status'],
    ['viruses', 'virus'],
    ['buses', 'bus'],
    ['causes', 'cause'],
    ['abuses', 'abuse'],
    ['analyses', 'analysis'],
    ['aliases', 'alias'],
    ['canvases', 'canvas'],
    // -oes and -ves
    ['heroes', 'hero'],
    ['potatoes', 'potato'],
    ['shoes', 'shoe'],
    ['leaves', 'leaf'],
    ['wolves', 'wolf'],
    ['moves', 'move'],
    // already singular, or the same in both numbers
    ['status', 'status'],
    ['canvas', 'canvas'],
    ['analysis', 'analysis'],
    ['class', 'class'],
    ['news', 'news'],
    ['series', 'series'],
    ['species', 'species'],
    ['data', 'data'],
    ['metadata', 'metadata'],
    ['media', 'media'],
    ['analytics', 'analytics'],
    // short words are acronyms more often than plurals
    ['dns', 'dns'],
    ['sms', 'sms'],
    ['ids', 'ids'],
    // irregular
    ['people', 'person'],
    ['children', 'child'],
    ['indices', 'index'],
    ['criteria', 'criterion'],
    // compounds change their last word only
    ['payment_intents', 'payment_intent'],
    ['data-scripts', 'data-script'],
    ['Users', 'user'],
  ])('singular(%s) = %s', (word, expected) => {
    expect(singular(word)).toBe(expected);
  });
});

describe('isPlural', () => {
  it.each([
    ['users', true],
    ['data-scripts', true],
    ['currencies', true],
    ['followers', true],
    ['subscribers', true],
    ['cookies', true],
    ['user', false],
    ['download', false],
    ['news', false],
    ['ids', false],
    ['following', false],
    ['canvas', false],
    ['status', false],
    ['data', false],
  ])('isPlural(%s) = %s', (word, expected) => {
    expect(isPlural(word)).toBe(expected);
  });
});
