/**
 * The template texts the Markdown renderers take as arguments. Renderers never read files: the
 * CLI and the library entry load the shipped ones (load/templates.ts) and pass them in, so a
 * caller can also pass its own.
 */

/** The reference: `templates/reference.md.hbs` and its partials (`body`), and the HTML page's. */
export interface ReferenceTemplates {
  reference: string;
  partials: Record<string, string>;
  /** Needed for `html` only. */
  html?: HtmlTemplates;
}

/** `templates/reference.html.hbs`, its partials (`body`: body.html.hbs), and the page's inlined style and script. */
export interface HtmlTemplates {
  reference: string;
  partials: Record<string, string>;
  style: string;
  script: string;
}

/** Every shipped template: the reference's, and the diff changelog's. */
export interface Templates extends ReferenceTemplates {
  changelog: string;
}
