import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'

/**
 * A small glob expander for the command line (Node 20 has no `fs.glob`).
 *
 * Supported: `*` (any characters but `/`), `?` (one character but `/`),
 * `**` (a whole segment: zero or more directories), `{a,b}` (alternatives,
 * nestable, may contain `/`) and `\` to escape the next character. Like
 * shells, `*` and `?` do not match a leading `.`, and `**` does not walk into
 * dot directories, `node_modules`, or symbolic links to directories (which
 * could loop). `[…]` classes and `{1..3}` ranges are not supported: they are
 * matched literally.
 */

/** How many patterns one brace expansion may produce before we give up. */
const maxExpansions = 10_000

/** Options of `expandGlob`. */
export interface GlobOptions {
  /** Folder that relative patterns are resolved from (default: `process.cwd()`). */
  cwd?: string | null | undefined
}

/** Thrown for a pattern we refuse to expand (too many brace alternatives). */
export class GlobError extends Error {
  override name = 'GlobError'
}

/**
 * Whether `pattern` is a glob (has an unescaped `*`, `?` or `{a,b}` group)
 * rather than a plain path.
 *
 * @param pattern - A path or glob as given on the command line.
 * @returns `true` when the pattern needs expanding.
 * @example
 * isGlob('posts/*.md') //=> true
 * isGlob('posts/a.md') //=> false
 */
export function isGlob(pattern: string): boolean {
  const expanded = expandBraces(pattern)
  if (expanded.length !== 1 || expanded[0] !== pattern) return true
  return /(^|[^\\])(\\\\)*[*?]/.test(pattern)
}

/**
 * Expand `{a,b}` alternatives, innermost groups included; a group without a
 * top-level comma (`{a}`) or without its closing brace stays literal, as in
 * bash.
 *
 * @param pattern - A glob.
 * @returns The patterns, in order (the pattern itself when there is no group).
 * @throws {GlobError} When the expansion exceeds 10,000 patterns.
 * @example
 * expandBraces('{a,b}/*.{md,html}')
 * //=> ['a/*.md', 'a/*.html', 'b/*.md', 'b/*.html']
 */
export function expandBraces(pattern: string): string[] {
  const group = findGroup(pattern)
  if (!group) return [pattern]
  const head = pattern.slice(0, group.open)
  const tails = expandBraces(pattern.slice(group.close + 1))
  const results: string[] = []
  for (const alternative of group.alternatives) {
    for (const middle of expandBraces(alternative)) {
      for (const tail of tails) {
        results.push(head + middle + tail)
        if (results.length > maxExpansions) {
          throw new GlobError('The pattern `' + pattern + '` expands to more than ' + maxExpansions + ' alternatives')
        }
      }
    }
  }
  return results
}

/**
 * Find the files that `pattern` matches.
 *
 * Only files are returned (directories are walked, not listed), sorted, with
 * the pattern's own prefix kept (`./posts/*.md` gives `./posts/a.md`).
 * Folders that cannot be read are skipped.
 *
 * @param pattern - A glob (see `isGlob`); a plain path gives itself when it is a file.
 * @param options - Configuration (optional).
 * @returns The matching files.
 * @throws {GlobError} When the brace expansion is too big.
 */
export async function expandGlob(pattern: string, options?: Readonly<GlobOptions> | null): Promise<string[]> {
  const cwd = options?.cwd ?? process.cwd()
  const found = new Set<string>()
  for (const alternative of expandBraces(pattern)) {
    const normalized = path.sep === '\\' ? alternative.replaceAll('\\', '/') : alternative
    const segments = collapse(normalized.split('/'))
    // The literal segments before the first magic one name the folder to walk from.
    let index = 0
    while (index < segments.length - 1 && !hasMagic(segments[index]!)) index++
    const prefix = segments.slice(0, index).map(unescape).join('/')
    const base = index === 0 ? '' : prefix === '' ? '/' : prefix + '/'
    await walk({found, segments}, path.resolve(cwd, base || '.'), base, index)
  }
  return [...found].sort(compare)
}

interface Walk {
  found: Set<string>
  segments: string[]
}

async function walk(state: Walk, directory: string, shown: string, index: number): Promise<void> {
  const segment = state.segments[index]!
  const last = index === state.segments.length - 1

  if (segment === '**') {
    // Zero folders, then one or more (`collapse` made sure `**` is never last).
    await walk(state, directory, shown, index + 1)
    for (const entry of await list(directory)) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      if (entry.isDirectory()) await walk(state, path.join(directory, entry.name), shown + entry.name + '/', index)
    }
    return
  }

  if (!hasMagic(segment)) {
    const name = unescape(segment)
    // `.` and `..` are never listed by `readdir`, so look them up directly.
    await visit(state, directory, shown, index, last, name, await kind(path.join(directory, name)))
    return
  }

  const expression = segmentToRegExp(segment)
  for (const entry of await list(directory)) {
    if (!expression.test(entry.name)) continue
    const type = entry.isSymbolicLink() ? await kind(path.join(directory, entry.name)) : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : undefined
    await visit(state, directory, shown, index, last, entry.name, type)
  }
}

async function visit(
  state: Walk,
  directory: string,
  shown: string,
  index: number,
  last: boolean,
  name: string,
  type: 'file' | 'directory' | undefined
): Promise<void> {
  if (last) {
    if (type === 'file') state.found.add(shown + name)
  } else if (type === 'directory') {
    await walk(state, path.join(directory, name), shown + name + '/', index + 1)
  }
}

/** Turn one path segment (`*.{md}` after brace expansion, say `*.md`) into an anchored expression. */
function segmentToRegExp(segment: string): RegExp {
  // Shells do not let `*` or `?` match a leading dot: hidden files need an explicit `.`.
  let source = segment.startsWith('.') ? '' : '(?!\\.)'
  for (let index = 0; index < segment.length; index++) {
    const character = segment[index]!
    if (character === '\\' && index + 1 < segment.length) source += escapeRegExp(segment[++index]!)
    else if (character === '*') source += '.*'
    else if (character === '?') source += '.'
    else source += escapeRegExp(character)
  }
  return new RegExp('^' + source + '$', 'su')
}

function hasMagic(segment: string): boolean {
  return segment === '**' || /(^|[^\\])(\\\\)*[*?]/.test(segment)
}

/** Merge runs of `**` (they match the same paths, but would walk them again), and make a final `**` mean `**\/*`. */
function collapse(segments: string[]): string[] {
  const result = segments.filter((segment, index) => !(segment === '**' && segments[index - 1] === '**'))
  if (result.at(-1) === '**') result.push('*')
  return result
}

function unescape(segment: string): string {
  return segment.replace(/\\(.)/gs, '$1')
}

function escapeRegExp(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

async function list(directory: string) {
  try {
    return await readdir(directory, {withFileTypes: true})
  } catch {
    return []
  }
}

async function kind(file: string): Promise<'file' | 'directory' | undefined> {
  try {
    const stats = await stat(file)
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : undefined
  } catch {
    return undefined
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The first `{…}` group with a top-level comma, honouring nesting and escapes. */
function findGroup(pattern: string): {open: number; close: number; alternatives: string[]} | undefined {
  for (let open = 0; open < pattern.length; open++) {
    if (pattern[open] === '\\') {
      open++
      continue
    }
    if (pattern[open] !== '{') continue
    let depth = 0
    let start = open + 1
    const alternatives: string[] = []
    for (let index = open + 1; index < pattern.length; index++) {
      const character = pattern[index]
      if (character === '\\') index++
      else if (character === '{') depth++
      else if (character === '}' && depth > 0) depth--
      else if (character === ',' && depth === 0) {
        alternatives.push(pattern.slice(start, index))
        start = index + 1
      } else if (character === '}') {
        // `{a}` has no comma: literal, like bash; look for a later group.
        if (alternatives.length === 0) break
        alternatives.push(pattern.slice(start, index))
        return {open, close: index, alternatives}
      }
    }
  }
  return undefined
}
