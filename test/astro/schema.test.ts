import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {Ajv} from 'ajv'
import {z} from 'zod'
import {parsePost} from '../../src/index.ts'
import {articleDataJsonSchema, buildArticleSchema, toArticleData} from '../../node/astro/schema.ts'
import {schemaPath} from '../../scripts/schema.ts'
import {projectRoot} from '../support/shared.ts'

type Json = any

const articleJsonSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Json
const validate = new Ajv({allErrors: true, strict: true}).compile(articleJsonSchema as object)
const schema = buildArticleSchema(z)

/** The JSON form of a value: what both schemas describe (optional fields set to `undefined` disappear). */
function json(value: unknown): Json {
  return JSON.parse(JSON.stringify(value))
}

/** The verdicts of the JSON Schema (on the Article) and of the Zod schema (on its entry data). */
function verdicts(article: Json): {json: boolean; zod: boolean} {
  return {json: validate(article), zod: schema.safeParse(json(toArticleData(article))).success}
}

// test/schema.test.ts checks that both accept every fixture and corpus post (it parses them anyway).
const sample = json(parsePost(readFileSync(join(projectRoot, 'examples', 'sample.txt'), 'utf8')))

describe('the Astro entry schema (Zod, from schema.json)', () => {
  it('should describe schema.json without `layout` and items’ `source`, and nothing else', () => {
    const data = articleDataJsonSchema()
    assert.deepEqual(Object.keys(data.definitions.Article!.properties!), Object.keys(articleJsonSchema.definitions.Article.properties).filter((key) => key !== 'layout'))
    assert.equal(JSON.stringify(data).includes('#/definitions/Source'), false)
    assert.equal(data.definitions.Message!.properties!.source !== undefined, true, 'a message’s `source` is not an item’s')
    assert.deepEqual(Object.keys(data.definitions).sort(), Object.keys(articleJsonSchema.definitions).filter((key) => key !== 'Source').sort())
  })

  // Each case breaks one field; both schemas must reject the result.
  const invalid: Array<[name: string, change: (article: Json) => void]> = [
    ['a word count that is a string', (article) => (article.stats.words = 'many')],
    ['a title that is a number', (article) => (article.meta.title = 5)],
    ['no `text`', (article) => delete article.text],
    ['an unknown key in a section', (article) => (article.sections[0].title = 'x')],
    ['an unknown key in the meta', (article) => (article.meta.subtitle = 'x')],
    ['a block of an unknown type', (article) => (article.sections[0].blocks[0].type = 'video')],
    ['a paragraph without `html`', (article) => delete article.sections[0].blocks.find((block: Json) => block.type === 'paragraph').html],
    ['a nested section with a string depth', (article) => (article.sections[0].children[0].depth = '3')],
    ['a message from another source', (article) => (article.messages = [{...fakeMessage, source: 'other'}])],
    ['a front matter extra that is not a pair', (article) => (article.meta.extra = [['key']])],
    ['a hero without `src`', (article) => (article.hero = {alt: ''})],
    ['a summary that is an array', (article) => (article.summary = [])],
    ['a position with a missing offset', (article) => delete article.sections[0].position.start.offset]
  ]

  const fakeMessage = {reason: 'x', line: 1, column: 1, place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}, ruleId: 'x', source: 'article-kit'}

  it('should agree with schema.json on the unchanged sample and on a well-formed message', () => {
    assert.deepEqual(verdicts(sample), {json: true, zod: true})
    const article = structuredClone(sample)
    article.messages = [fakeMessage]
    assert.deepEqual(verdicts(article), {json: true, zod: true})
  })

  for (const [name, change] of invalid) {
    it(`should reject, as schema.json does, ${name}`, () => {
      const article = structuredClone(sample)
      change(article)
      assert.deepEqual(verdicts(article), {json: false, zod: false})
    })
  }
})
