import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {parsePost, renderPost} from '../src/index.ts'
import {content} from './support/round-trip.ts'

// Each folder: input.txt, article.json (the expected Article), and output.txt when the sanitiser changes the post.
// `npm run fixtures` regenerates the expected files; read them whenever they change.
const root = new URL('fixtures/', import.meta.url).pathname
const cases = readdirSync(root)
  .filter((name) => existsSync(join(root, name, 'input.txt')))
  .sort()

describe('fixtures', () => {
  it('should have the cases the issue lists', () => {
    for (const name of ['sample', 'english-blog', 'no-front-matter', 'no-headings', 'h3-only', 'multi-column-table', 'lists-and-figures', 'link-card', 'code-block', 'crlf', 'bom']) {
      assert.ok(cases.includes(name), name)
    }
  })

  for (const name of cases) {
    describe(name, () => {
      const raw = readFileSync(join(root, name, 'input.txt'), 'utf8')
      const expected = JSON.parse(readFileSync(join(root, name, 'article.json'), 'utf8'))
      const outputFile = join(root, name, 'output.txt')
      const output = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : raw
      const article = parsePost(raw)

      it('should parse into the expected Article', () => {
        assert.deepEqual(JSON.parse(JSON.stringify(article)), expected)
      })

      it('should render the expected post (the input itself when nothing was sanitised)', () => {
        assert.equal(renderPost(article), output)
      })

      it('should reach a fixpoint: parsing the output gives the same content', () => {
        assert.deepEqual(content(parsePost(renderPost(article))), content(article))
      })

      it('should be plain JSON data', () => {
        assert.deepEqual(JSON.parse(JSON.stringify(article)), article)
      })
    })
  }
})
