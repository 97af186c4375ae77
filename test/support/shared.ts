/**
 * The shared data (`../shared` beside the project: real posts from 15 sites
 * and the sample site's archive), found one way for every test: relative to
 * the project root, never through a machine's absolute path.
 *
 * A test about this data fails when it is missing, with a message that says
 * where it was looked for: a test that passes on zero posts proves nothing.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/** The project root (this file is `test/support/shared.ts`). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
/** `../shared`, relative to the project root. */
export const sharedFolder = join(projectRoot, '..', 'shared')
/** 164 real posts from 15 sites (`SOURCES.tsv` says where from). */
export const corpusFolder = join(sharedFolder, 'corpus')
/** The sample site's whole archive. */
export const archiveFolder = join(sharedFolder, 'archive', 'koreablockchain')

/** A post file of a shared folder: not `SOURCES.tsv`, not a dotfile. */
export function isPostFile(name: string): boolean {
  return !name.startsWith('.') && !name.endsWith('.tsv')
}

/**
 * The sorted names of the post files in a shared folder.
 *
 * @throws {Error} When the folder is missing or holds no post.
 */
export function postFilesIn(folder: string): string[] {
  if (!existsSync(folder)) {
    throw new Error(`The shared data folder ${folder} is missing: the tests read ../shared beside the project (it is there in CI).`)
  }
  const names = readdirSync(folder).filter(isPostFile).sort()
  if (names.length === 0) throw new Error(`The shared data folder ${folder} holds no post.`)
  return names
}

/**
 * Every post of a shared folder, read.
 *
 * @throws {Error} When the folder is missing or holds no post.
 */
export function postsIn(folder: string): Array<{name: string; raw: string}> {
  return postFilesIn(folder).map((name) => ({name, raw: readFileSync(join(folder, name), 'utf8')}))
}
