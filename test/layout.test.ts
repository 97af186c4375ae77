/**
 * The folders of `src/` are the pipeline (docs/architecture.md): a raw post is
 * split (`post/`), its front matter read (`front-matter/`), its body read
 * (`body/`), the Article built once (`article/`) and written back
 * (`render/`). Each folder may import only from folders before it, so a
 * reader can follow the code in the order the data flows, and the renderer
 * cannot depend on how an Article was built (it must accept hand-built ones).
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, it} from 'node:test'
import {fileURLToPath} from 'node:url'

const src = fileURLToPath(new URL('../src/', import.meta.url))

/** Each top-level folder of `src/` and the folders it may import from (besides itself and `types.ts`). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  diagnostics: [],
  post: ['diagnostics'],
  'front-matter': ['diagnostics', 'post'],
  body: ['diagnostics'],
  // What parsePost remembers for the renderer: written by article/, read by render/.
  record: ['diagnostics', 'body', 'front-matter'],
  article: ['diagnostics', 'post', 'front-matter', 'body', 'record'],
  render: ['diagnostics', 'post', 'front-matter', 'body', 'record'],
  // Outputs and integrations sit on top of the whole pipeline.
  'json-ld': ['diagnostics', 'article', 'render'],
  unified: ['diagnostics', 'post', 'front-matter', 'body', 'record', 'article', 'render'],
  vite: ['diagnostics', 'post', 'front-matter', 'body', 'record', 'article', 'render'],
}

function filesIn(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(folder, name))
}

/** The `src/` folder each relative import of `file` lands in (`''` for a file at the top, such as `types.ts`). */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const folders: string[] = []
  for (const match of text.matchAll(/\b(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = path.relative(src, path.resolve(path.dirname(file), match[1]!))
    folders.push(target.includes(path.sep) ? target.split(path.sep)[0]! : '')
  }
  return folders
}

describe('src/ layout', () => {
  it('has a rule for every folder', () => {
    const folders = readdirSync(src, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
    assert.deepEqual(folders.sort(), Object.keys(allowed).sort())
  })

  for (const [folder, may] of Object.entries(allowed)) {
    it(`${folder}/ imports only from ${may.length > 0 ? may.join(', ') : 'itself'} (and types.ts)`, () => {
      const wrong: string[] = []
      for (const file of filesIn(path.join(src, folder))) {
        for (const target of importedFolders(file)) {
          if (target !== '' && target !== folder && !may.includes(target)) wrong.push(`${path.relative(src, file)} → ${target}/`)
        }
      }
      assert.deepEqual(wrong, [])
    })
  }

  it('names every module in docs/architecture.md\'s module table', () => {
    const doc = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8')
    const table = doc.slice(doc.indexOf('## Every module'), doc.indexOf('\n## ', doc.indexOf('## Every module') + 1))
    const named = new Set([...table.matchAll(/`([\w/*.-]+\.ts)`/g)].map((match) => match[1]!))
    assert.ok(named.size > 20, 'the table is there')
    const missing = filesIn(src)
      .map((file) => path.relative(src, file).split(path.sep).join('/'))
      .filter((file) => !named.has(file) && !named.has(file.replace(/[^/]+$/, '*.ts')))
    assert.deepEqual(missing, [])
  })

  it('sees imports (the check is not vacuous)', () => {
    assert.ok(importedFolders(path.join(src, 'render', 'html.ts')).includes('record'))
    assert.ok(importedFolders(path.join(src, 'article', 'parse-post.ts')).includes('body'))
  })
})
