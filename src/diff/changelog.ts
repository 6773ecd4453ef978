/**
 * A diff as a Markdown changelog in the reference's style (grouped by endpoint, the endpoints
 * with breaking changes first, one table row per change) or as JSON. The view is built here with
 * every captured value escaped; `templates/changelog.md.hbs` only lays it out. The template comes
 * in as text (the caller loads it: load/templates.ts), so rendering touches no file.
 */
import { compileTemplate } from '../render/handlebars.js';
import { cellCode, code, text } from '../render/escape.js';
import { Anchors } from '../render/anchors.js';
import { type Change, type ChangeLevel, type DiffSide, endpointLabel, LEVELS, type ModelDiff } from './change.js';
import { describeChange, type Style } from './describe.js';

export const DIFF_FORMATS = ['markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** `template` is the changelog's (`templates/changelog.md.hbs`); the JSON form needs none. */
export function renderDiff(diff: ModelDiff, format: DiffFormat, template: string): string {
  return format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderChangelog(diff, template);
}

export function renderChangelog(diff: ModelDiff, template: string): string {
  const render = compileTemplate(template, {}, 'changelog.md.hbs');
  return `${render(changelogView(diff))
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

interface ChangelogView {
  title: string;
  overview: string[];
  empty: boolean;
  /** One row per endpoint: link and counts by level. */
  index: string[];
  endpoints: { heading: string; rows: string[] }[];
}

/** In a table cell: names as code spans without pipes, free text escaped. */
const CELL: Style = { quote: cellCode, text: (value) => text(value).replace(/\|/g, '\\|') };

export function changelogView(diff: ModelDiff): ChangelogView {
  const hosts = new Set(diff.changes.map((c) => c.endpoint.host));
  const groups: { label: string; title: string; changes: Change[] }[] = [];
  for (const change of diff.changes) {
    const label = endpointLabel(change.endpoint);
    let group = groups.at(-1);
    if (group?.label !== label) {
      const { method, host, path } = change.endpoint;
      groups.push((group = { label, title: `${method} ${path}${hosts.size > 1 ? ` on ${host}` : ''}`, changes: [] }));
    }
    group.changes.push(change);
  }
  const heading = (g: (typeof groups)[number]) => {
    const { method, host, path } = g.changes[0]!.endpoint;
    return `${code(`${method} ${path}`)}${hosts.size > 1 ? ` on ${code(host)}` : ''}`;
  };
  // Every heading claims its anchor in document order (see templates/changelog.md.hbs).
  const title = 'API changes';
  const anchors = new Anchors();
  for (const heading of [title, 'Endpoints']) anchors.claim(heading);
  return {
    title,
    overview: [`**Old**: ${sideLine(diff.old)}`, `**New**: ${sideLine(diff.new)}`, `**Changes**: ${summaryLine(diff)}`],
    empty: diff.changes.length === 0,
    index: groups.map((g) => `| [${cellCode(g.title)}](#${anchors.claim(g.title)}) | ${levelCounts(g.changes)} |`),
    endpoints: groups.map((g) => ({ heading: heading(g), rows: g.changes.map(changeRow) })),
  };
}

function levelCounts(changes: readonly Change[]): string {
  return LEVELS.map((level) => [level, changes.filter((c) => c.level === level).length] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level}`)
    .join(', ');
}

function changeRow(change: Change): string {
  const where = change.location ? `${CELL.text(change.location)}: ` : '';
  return `| ${levelCell(change.level)} | ${where}${describeChange(change, CELL)} | ${code(change.fingerprint)} |`;
}

function levelCell(level: ChangeLevel): string {
  if (level === 'breaking') return '**breaking**';
  if (level === 'warning') return '*warning*';
  return level;
}

function sideLine(side: DiffSide): string {
  const sources = side.sources.length > 0 ? side.sources.map(code).join(', ') : 'no sources';
  const window = side.window.start ? `, ${side.window.start} to ${side.window.end}` : '';
  return `${sources} (${side.endpoints} endpoint(s), ${side.observed} request(s)${window})`;
}

function summaryLine(diff: ModelDiff): string {
  const counts = LEVELS.map((level) => `${diff.summary[level]} ${level}`).join(', ');
  const ignored = diff.summary.ignored > 0 ? ` (${diff.summary.ignored} ignored)` : '';
  return diff.changes.length === 0 ? `none${ignored}` : `${counts}${ignored}`;
}
