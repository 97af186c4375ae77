/**
 * The benchmark's inputs: the sample scaled up, the corpus, the archive.
 *
 * Everything is read in place; nothing is copied into the project.
 */
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** One post to measure. */
export interface Post {
  /** Where it came from (file name, or `sample×N`). */
  name: string
  raw: string
  /** UTF-8 size of the raw post. */
  bytes: number
}

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const samplePath = path.join(root, 'examples', 'sample.txt')
export const corpusDirectory = path.resolve(root, '..', 'shared', 'corpus')
export const archiveDirectory = path.resolve(root, '..', 'shared', 'archive', 'koreablockchain')

/** Sample scales: `--quick` runs only the first three. */
export const scales = [1, 10, 100, 1000, 5000] as const
export const quickScales = [1, 10, 100] as const

// Files in the shared folders that are posts (SOURCES.tsv and dotfiles are not).
const postExtension = /\.(?:md|markdown|html?|txt)$/i

export function toPost(name: string, raw: string): Post {
  return {name, raw, bytes: Buffer.byteLength(raw)}
}

/**
 * The sample with its h3 sections (each `<h3>` and the paragraphs after it)
 * written `times` times: hero, h2 and lead stay once, and so does the
 * summary table at the end. 5000× is about 10 MB.
 */
export function scaleSample(raw: string, times: number): string {
  const first = raw.indexOf('<h3')
  const end = raw.indexOf('<table')
  if (first === -1 || end === -1 || end < first) throw new Error('The sample no longer has h3 sections before a table')
  const sections = raw.slice(first, end)
  return raw.slice(0, first) + sections.repeat(times) + raw.slice(end)
}

export function readSample(): string {
  return readFileSync(samplePath, 'utf8')
}

export function samplePosts(list: readonly number[]): Post[] {
  const raw = readSample()
  return list.map((times) => toPost(`sample×${times}`, scaleSample(raw, times)))
}

/** File names of the posts in a folder (sorted, dotfiles skipped), or null when the folder is missing. */
export function listPosts(directory: string): string[] | null {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) return null
  return readdirSync(directory)
    .filter((name) => !name.startsWith('.') && postExtension.test(name))
    .sort()
}

export function readPosts(directory: string, names: readonly string[]): Post[] {
  return names.map((name) => toPost(name, readFileSync(path.join(directory, name), 'utf8')))
}

/** The post of median size (the lower middle one for an even count). */
export function medianPost(posts: readonly Post[]): Post {
  const sorted = [...posts].sort((a, b) => a.bytes - b.bytes || a.name.localeCompare(b.name))
  return sorted[(sorted.length - 1) >> 1]!
}
