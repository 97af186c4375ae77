/**
 * Expected files (test/fixtures/, test/messages/) are written by the code
 * they test, so a regeneration must never pass unread: `diffExpected` prints
 * the diff of every file that would change and, without `--write`, writes
 * nothing and exits 1. With `--write` it writes them (and still prints the
 * diffs); the commit then says why each change is right.
 */
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createTwoFilesPatch} from 'diff'

const root = fileURLToPath(new URL('..', import.meta.url))

/** One expected file and what it should now hold (`null`: it should not exist). */
export interface Expected {
  file: string
  content: string | null
}

/**
 * Compare expected files with what they should hold; print each difference.
 *
 * @param files - Every expected file of the suite, with its new content.
 * @param argv - The command's arguments (`--write` writes the changes).
 * @returns The process exit code: 0 when nothing changed or the changes were written, 1 otherwise.
 */
export function diffExpected(files: readonly Expected[], argv: readonly string[]): number {
  const write = argv.includes('--write')
  let changed = 0
  for (const {file, content} of files) {
    const before = existsSync(file) ? readFileSync(file, 'utf8') : null
    if (before === content) continue
    changed++
    const name = path.relative(root, file)
    process.stdout.write(createTwoFilesPatch(`a/${name}`, `b/${name}`, before ?? '', content ?? '', before === null ? 'new file' : '', content === null ? 'deleted' : ''))
    if (!write) continue
    if (content === null) rmSync(file)
    else writeFileSync(file, content)
  }
  if (changed === 0) {
    console.log(`All ${files.length} expected files are up to date.`)
    return 0
  }
  if (write) {
    console.log(`Wrote ${changed} expected files. Say in the commit why each change above is right.`)
    return 0
  }
  console.log(`${changed} expected files would change (diffs above). Read each one; if every change is right, run again with --write.`)
  return 1
}
