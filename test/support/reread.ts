/**
 * The comparison the tests of `src/body/reread.ts` make: a body rewritten as
 * `settle` rewrites it, its rewrite read whole (`readBody`) and read with
 * `reread`, and every field of the two readings compared, positions included.
 * Shared by the mirror test (crafted and generated bodies) and the corpus one
 * (`test/body/reread-corpus.test.ts`, which reads `../shared`).
 */
import assert from 'node:assert/strict'
import {readBody, rewriteBody} from '../../src/body/normalize.ts'
import {reread} from '../../src/body/reread.ts'
import {flatten} from '../../src/body/flatten.ts'
import {defaultEmbedHosts, defaultSchema} from '../../src/body/schema.ts'
import {createCheckMemo, type SanitizeSettings} from '../../src/body/sanitize.ts'

/** The settings `parsePost` reads a body with (a fresh memo each time). */
export const rereadSettings = (): SanitizeSettings => ({schema: defaultSchema, embedHosts: defaultEmbedHosts, ...createCheckMemo()})

/**
 * Rewrite a body as `settle` does, read the rewrite whole and with `reread`,
 * and assert that the two readings are equal when `reread` gives one.
 *
 * @param body - The body first read.
 * @param lineFeed - Written for every line feed of the rewrite, as `settle` does for a post without `\n`.
 * @param given - The settings both readings use (default: `rereadSettings()`).
 * @returns Whether `reread` read it (else it left it to the whole reading).
 */
export function compareRereading(body: string, lineFeed?: '\r', given: SanitizeSettings = rereadSettings()): boolean {
  const first = readBody(body, given)
  const rewrite = rewriteBody(first)
  const html = lineFeed ? rewrite.html.replaceAll('\n', lineFeed) : rewrite.html
  const whole = readBody(html, given)
  const again = reread(first, rewrite.pieces, html, given)
  if (!again) return false
  assert.deepEqual(
    {tree: again.tree, flat: flatten(again.tree, html), changes: again.changes, imagesWithoutAlt: again.imagesWithoutAlt, flattened: again.flattened},
    {tree: whole.tree, flat: whole.flat, changes: whole.changes, imagesWithoutAlt: whole.imagesWithoutAlt, flattened: whole.flattened},
    JSON.stringify(body)
  )
  return true
}
