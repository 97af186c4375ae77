import assert from 'node:assert/strict'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {fileURLToPath} from 'node:url'
import {Ajv} from 'ajv'
import {z} from 'zod'
import {buildArticleSchema, toArticleData} from '../node/astro/schema.ts'
import {parsePost, type Article} from '../src/index.ts'
import {generateSchema, schemaPath} from '../scripts/schema.ts'
import {corpusFolder, postFilesIn} from './support/shared.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const fixtures = join(root, 'test', 'fixtures')

describe('schema.json', () => {
  it('should match the types (run `npm run schema` when this fails)', () => {
    assert.equal(readFileSync(schemaPath, 'utf8'), generateSchema())
  })

  const validate = new Ajv({allErrors: true, strict: true}).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object)

  // The Astro entry schema is made from schema.json; test/astro/schema.test.ts checks that it rejects what this one does.
  const entrySchema = buildArticleSchema(z)

  /** Validate the Article of each post, and its Astro entry data with the Zod schema; report every failure at once. */
  function check(posts: Array<[name: string, file: string]>): void {
    const failures: string[] = []
    for (const [name, file] of posts) {
      // The schema describes the JSON form: optional fields set to `undefined` disappear.
      const article: unknown = JSON.parse(JSON.stringify(parsePost(readFileSync(file, 'utf8'))))
      if (!validate(article)) {
        const errors = (validate.errors ?? []).slice(0, 5).map((error) => `  ${error.instancePath || '/'} ${error.message ?? ''}`)
        failures.push(`${name}:\n${errors.join('\n')}`)
      }
      const data: unknown = JSON.parse(JSON.stringify(toArticleData(article as Article)))
      const result = entrySchema.safeParse(data) as {success: boolean; data?: unknown}
      if (!result.success) failures.push(`${name}: the Astro entry schema (Zod) rejects its data`)
      else assert.deepEqual(result.data, data, `${name}: the Astro entry schema changed its data`)
    }
    assert.deepEqual(failures, [], `Articles that do not match schema.json or the Astro entry schema:\n${failures.join('\n')}`)
  }

  it('should accept the Article of the sample', () => {
    check([['examples/sample.txt', join(root, 'examples', 'sample.txt')]])
  })

  it('should accept the Article of every fixture', () => {
    const posts = readdirSync(fixtures)
      .map((name): [string, string] => [name, join(fixtures, name, 'input.txt')])
      .filter(([, file]) => existsSync(file))
    assert.ok(posts.length > 0)
    check(posts)
  })

  it('should accept the Article of every post in the shared corpus', () => {
    const posts = postFilesIn(corpusFolder).map((name): [string, string] => [name, join(corpusFolder, name)])
    check(posts)
  })

  it('should reject an Article with a wrong field', () => {
    const article = JSON.parse(JSON.stringify(parsePost('<p>a</p>'))) as {stats: {words: unknown}}
    article.stats.words = 'many'
    assert.equal(validate(article), false)
  })
})
