/**
 * Every diagnostic article-kit can give: one entry per `ruleId`.
 *
 * `fatal: true` means the Article is incomplete, `false` that the post is
 * worth fixing, and `undefined` that the message is informational. The
 * README's rule table and the one-folder-per-rule tests are checked against
 * this list, so the three cannot drift apart.
 */
import {frontMatterRules} from './front-matter-rules.ts'
import type {Rule} from './rule.ts'

export type {Rule} from './rule.ts'

const rules = {
  ...frontMatterRules,
  'body-empty': {
    fatal: false,
    note: 'Add the post’s content after the front matter.'
  },
  'nesting-too-deep': {
    fatal: false,
    note: 'Elements are nested deeper than browsers allow (512); deeper content was moved up, in order, as browsers do.'
  },
  'heading-order': {
    fatal: false,
    note: 'Use headings in order: an `<h3>` belongs under an `<h2>`, and an `<h2>` is followed by `<h3>`, not `<h4>`.'
  },
  'heading-empty': {
    fatal: false,
    note: 'Give the heading some text, or remove it.'
  },
  'heading-duplicate': {
    fatal: false,
    note: 'Two headings have the same text; their ids were made unique with a `-1` suffix. Rename one if links must be predictable.'
  },
  'summary-unmatched': {
    fatal: false,
    note: 'Make the summary row name a section heading (a shortened form is fine), or remove the row.'
  },
  'summary-missing-section': {
    fatal: undefined,
    note: 'The summary table does not list this section; add a row for it if the summary should be complete.'
  },
  'excerpt-mismatch': {
    fatal: undefined,
    note: 'The `excerpt` and `feature_text` front matter values say different things; make them agree.'
  },
  'image-mismatch': {
    fatal: false,
    note: 'The front matter `image` is not the hero image of the body; use the same URL in both.'
  },
  'image-alt-missing': {
    fatal: false,
    note: 'Add an `alt` attribute that describes the image (use `alt=""` for a purely decorative one).'
  },
  'sanitized-element': {
    fatal: false,
    note: 'The element is not allowed in article HTML and was removed; its text was kept where it is content.'
  },
  'sanitized-attribute': {
    fatal: false,
    note: 'The attribute is not allowed (or its value is unsafe) and was removed.'
  },
  'sanitized-style': {
    fatal: false,
    note: 'Only harmless CSS declarations are kept in `style`; the others were removed.'
  },
  'sanitized-embed': {
    fatal: false,
    note: 'Only iframes from allowed hosts are kept (add a host you trust to `allowEmbedHosts`), sandboxed and empty: browsers never show what an iframe holds.'
  },
  'sanitized-comment': {
    fatal: false,
    note: 'The comment could change how the page is parsed and was removed.'
  },
  'rewritten-markup': {
    fatal: false,
    note: 'Markup that does nothing in a browser but could hide a payload (a stray `</script>`, a NUL character, an unclosed quote) was written out cleanly instead of as it was.'
  },
  'revenue-slot': {
    fatal: undefined,
    note: 'An ad slot of the Tistory editor (`figure[data-ke-type=revenue]`); kept as it is.'
  }
} as const satisfies Record<string, Rule>

/** The id of a rule, such as `'front-matter-yaml'`. */
export type RuleId = keyof typeof rules

/** Every rule by id. */
export const catalogue: Readonly<Record<RuleId, Rule>> = rules

