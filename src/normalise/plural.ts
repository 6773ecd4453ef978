/**
 * English singulars of the words URLs use (`categories` → `category`, `caches` → `cache`), for
 * parameter names and for telling a collection (`users`) from a thing (`status`, `canvas`). The
 * rules go by ending, each with the exceptions it has in that vocabulary; only the last word of a
 * compound changes (`payment_intents` → `payment_intent`).
 *
 * Why not the `pluralize` package: on exactly these words it is wrong as often as a plain suffix
 * rule (8.0.0 gives `cookies` → `cooky`, `caches` → `cach`, `canvas` → `canva`, `data` →
 * `datum`, `dns` → `dn`), so a short, tested rule set serves better than a dependency.
 */

/** Irregular plurals, and words that are the same in both numbers or only look plural. */
const IRREGULAR: Record<string, string> = {
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  feet: 'foot',
  teeth: 'tooth',
  geese: 'goose',
  mice: 'mouse',
  oxen: 'ox',
  data: 'data',
  metadata: 'metadata',
  media: 'media',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  appendices: 'appendix',
  quizzes: 'quiz',
  axes: 'axis',
  crises: 'crisis',
  theses: 'thesis',
  hypotheses: 'hypothesis',
  diagnoses: 'diagnosis',
  synopses: 'synopsis',
  parentheses: 'parenthesis',
  ellipses: 'ellipsis',
  oases: 'oasis',
  lenses: 'lens',
  leaves: 'leaf',
  lives: 'life',
  knives: 'knife',
  wives: 'wife',
  halves: 'half',
  shelves: 'shelf',
  wolves: 'wolf',
  thieves: 'thief',
  selves: 'self',
  loaves: 'loaf',
  scarves: 'scarf',
  calves: 'calf',
  elves: 'elf',
  news: 'news',
  series: 'series',
  species: 'species',
  sheep: 'sheep',
  fish: 'fish',
  deer: 'deer',
  analytics: 'analytics',
  physics: 'physics',
  economics: 'economics',
  ethics: 'ethics',
  politics: 'politics',
  logistics: 'logistics',
  kudos: 'kudos',
  chaos: 'chaos',
  canvas: 'canvas',
  atlas: 'atlas',
  alias: 'alias',
  bias: 'bias',
  gas: 'gas',
  lens: 'lens',
  cors: 'cors',
  https: 'https',
  macos: 'macos',
  ios: 'ios',
};

/** Nouns in -ie, whose plural ends in -ies without being a -y word (`cookies`, not `cooky`). */
const IE_NOUNS = new Set([
  'cookie',
  'movie',
  'zombie',
  'rookie',
  'calorie',
  'selfie',
  'hoodie',
  'goodie',
  'freebie',
  'smoothie',
  'brownie',
  'genie',
  'prairie',
  'newbie',
  'indie',
  'pixie',
  'sortie',
  'birdie',
  'lingerie',
  'techie',
  'foodie',
  'junkie',
  'hippie',
  'bookie',
  'magpie',
  'necktie',
  'bowtie',
  'collie',
  'veggie',
  'sweetie',
  'auntie',
  'eyrie',
  'reverie',
  'coterie',
  'rotisserie',
  'boogie',
  'quickie',
  'walkie',
  'talkie',
]);
/** Nouns in -che (`caches`), unlike the -ch nouns (`branches`, `coaches`, `matches`). */
const CHE_NOUNS = [
  'cache',
  'niche',
  'cliche',
  'creche',
  'quiche',
  'moustache',
  'mustache',
  'headache',
  'earache',
  'avalanche',
  'tranche',
  'brioche',
  'pastiche',
  'psyche',
  'douche',
  'fiche',
  'panache',
];
/** Nouns in -o whose plural takes only -s (`shoes`), unlike `heroes`, `potatoes`. */
const OE_PLURALS = new Set(['shoes', 'toes', 'foes', 'does', 'hoes', 'canoes', 'oboes', 'floes', 'tiptoes', 'horseshoes', 'mistletoes']);
/** Nouns in -us, whose plural adds -es (`statuses`), unlike -use nouns (`causes`, `abuses`). */
const US_NOUNS = new Set([
  'status',
  'bus',
  'virus',
  'campus',
  'bonus',
  'census',
  'focus',
  'corpus',
  'prospectus',
  'syllabus',
  'apparatus',
  'nexus',
  'surplus',
  'consensus',
  'circus',
  'chorus',
  'sinus',
  'cactus',
  'octopus',
  'genus',
  'minus',
  'plus',
]);

/**
 * The singular of a word (lowercased). Words of three letters or fewer are left alone: at that
 * length a final `s` is more often an acronym's (`dns`, `sms`, `ids`… `aws`) than a plural's.
 */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  const cut = Math.max(lower.lastIndexOf('-'), lower.lastIndexOf('_'), lower.lastIndexOf('.'));
  return cut === -1 ? singularWord(lower) : lower.slice(0, cut + 1) + singularWord(lower.slice(cut + 1));
}

/** A plural noun (`users`, `repos`, `currencies`, `data-scripts`), judged from its last word. */
export function isPlural(word: string): boolean {
  const last = word.split(/[-_.]/).pop() ?? word;
  return last.length > 2 && singular(last) !== last.toLowerCase();
}

function singularWord(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies')) return word.length > 4 && !IE_NOUNS.has(word.slice(0, -1)) ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  if (word.endsWith('oes')) return OE_PLURALS.has(word) ? word.slice(0, -1) : word.slice(0, -2);
  if (word.endsWith('ches')) return CHE_NOUNS.some((noun) => word.endsWith(`${noun}s`)) ? word.slice(0, -1) : word.slice(0, -2);
  if (word.endsWith('shes') || word.endsWith('sses') || word.endsWith('xes') || word.endsWith('zzes') || word.endsWith('tzes')) return word.slice(0, -2);
  if (word.endsWith('yses')) return `${word.slice(0, -2)}is`;
  if (word.endsWith('uses') && US_NOUNS.has(word.slice(0, -2))) return word.slice(0, -2);
  if (word.endsWith('ases') && IRREGULAR[word.slice(0, -2)] === word.slice(0, -2)) return word.slice(0, -2);
  return word.slice(0, -1);
}
