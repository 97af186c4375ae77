import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'

/**
 * Globs on the command line, with tinyglobby (picomatch's syntax): `*`, `?`,
 * `**`, `{a,b}`, `[…]` classes and `\` to escape the next character. Like
 * shells, `*` and `?` do not match a leading `.` and `**` does not walk into
 * dot folders (name one to walk into it: `posts/.drafts/*.md`);
 * `node_modules` is skipped. Symbolic links are followed, as ESLint does,
 * and a link back up the tree is walked once, never in a loop.
 */

/** Options of `expandGlob`. */
export interface GlobOptions {
  /** The folder relative patterns start from (default: `process.cwd()`). */
  cwd?: string | null | undefined
}

/**
 * Whether `pattern` is a glob rather than a plain path.
 *
 * @param pattern - A path or glob as given on the command line.
 * @returns `true` when the pattern needs expanding.
 * @example
 * isGlob('posts/*.md') //=> true
 * isGlob('posts/a.md') //=> false
 */
export function isGlob(pattern: string): boolean {
  return isDynamicPattern(pattern)
}

/**
 * Find the files that `pattern` matches.
 *
 * Only files are returned (folders are walked, not listed), sorted, named as
 * the pattern names them: relative to `cwd` for a relative pattern, with its
 * leading `./` kept (`./posts/*.md` gives `./posts/a.md`), and absolute for
 * an absolute one.
 *
 * @param pattern - A glob (see `isGlob`).
 * @param options - Configuration (optional).
 * @returns The matching files.
 */
export async function expandGlob(pattern: string, options?: Readonly<GlobOptions> | null): Promise<string[]> {
  const normalized = path.sep === '\\' ? pattern.replaceAll('\\', '/') : pattern
  const absolute = path.isAbsolute(pattern)
  const files = await glob(normalized, {
    cwd: options?.cwd ?? process.cwd(),
    absolute,
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    ignore: ['**/node_modules/**']
  })
  const prefix = /^(?:\.\/)+/.exec(normalized)?.[0] ?? ''
  return files.map((file) => (absolute ? path.normalize(file) : prefix + file)).sort(compare)
}

/** By code unit, as `sort()` without a comparator, whatever the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
