/**
 * The rules of the front matter: apart from the rest of the catalogue, so
 * that the `article-kit/front-matter` entry carries only its own notes.
 */
import type {Rule} from './rule.ts'

/** The rules of the front matter, by id. */
export const frontMatterRules = {
  'front-matter-missing': {
    fatal: false,
    note: 'Start the post with a line `---`, the YAML (at least a `title:`), and another `---`.'
  },
  'front-matter-unclosed': {
    fatal: true,
    note: 'Add a line containing only `---` (or `...`) after the YAML.'
  },
  'front-matter-yaml': {
    fatal: true,
    note: 'Fix the YAML syntax (other tools cannot read the post); quote values that start with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or contain `: `. Every key that could still be read was kept.'
  },
  'front-matter-alias-limit': {
    fatal: true,
    note: 'The YAML expands aliases too many times (a "billion laughs" document); remove the aliases.'
  },
  'front-matter-not-mapping': {
    fatal: true,
    note: 'The front matter must be a mapping of `key: value` lines.'
  },
  'front-matter-duplicate-key': {
    fatal: false,
    note: 'Remove one of the two keys; the last one wins.'
  },
  'front-matter-type': {
    fatal: false,
    note: 'Give the key a value of the expected type (a string, or a list of strings for `categories` and `tags`).'
  },
  'front-matter-date': {
    fatal: false,
    note: 'Write the date as `YYYY-MM-DD`, optionally followed by a time and an offset (`2024-07-18 09:30:00 +0900`).'
  }
} as const satisfies Record<string, Rule>

/** The id of a front matter rule, such as `'front-matter-yaml'`. */
export type FrontMatterRuleId = keyof typeof frontMatterRules
