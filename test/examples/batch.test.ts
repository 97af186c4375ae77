import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {corpusFolder, postFilesIn} from '../support/shared.ts'

const root = new URL('../../', import.meta.url).pathname

function convert(input: string): {output: string; stdout: string; code: number} {
  const output = mkdtempSync(join(tmpdir(), 'article-kit-batch-'))
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'examples/batch/convert.ts', input, output], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})
    return {output, stdout, code: 0}
  } catch (error) {
    const failed = error as {stdout: string; status: number}
    return {output, stdout: failed.stdout, code: failed.status}
  }
}

describe('examples/batch/convert.ts', () => {
  it('should write one JSON file per post and an index, and report diagnostics per file', () => {
    const input = mkdtempSync(join(tmpdir(), 'article-kit-posts-'))
    writeFileSync(join(input, 'a.md'), '---\ntitle: A\n---\n<h2>One</h2><p>a</p>\n')
    writeFileSync(join(input, 'b.html'), '---\ntitle: B\n---\n<p><img src="x.png"></p>\n')
    writeFileSync(join(input, 'c.txt'), '---\ntitle: C\n<p>never closed</p>\n')
    writeFileSync(join(input, 'ignored.json'), '{}')
    const {output, stdout, code} = convert(input)
    assert.equal(code, 0)
    assert.deepEqual(readdirSync(output).sort(), ['a.json', 'b.json', 'c.json', 'index.json'])
    const index = JSON.parse(readFileSync(join(output, 'index.json'), 'utf8')) as Array<{file: string; title: string | null; errors: number; warnings: number}>
    assert.deepEqual(
      index.map(({file, title, errors}) => [file, title, errors]),
      [
        ['a.md', 'A', 0],
        ['b.html', 'B', 0],
        ['c.txt', null, 1]
      ]
    )
    assert.equal(JSON.parse(readFileSync(join(output, 'a.json'), 'utf8')).sections[0].heading, 'One')
    assert.match(stdout, /⚠ b\.html: 0 errors, 1 warnings \(image-alt-missing\)/)
    assert.match(stdout, /✖ c\.txt: 1 errors/)
    assert.match(stdout, /3 of 3 posts converted on \d+ threads/)
  })

  it('should convert the whole shared corpus', () => {
    const posts = postFilesIn(corpusFolder)
    const {output, stdout, code} = convert(corpusFolder)
    assert.equal(code, 0)
    assert.equal(readdirSync(output).length, posts.length + 1)
    assert.match(stdout, new RegExp(`${posts.length} of ${posts.length} posts converted`))
  })
})
