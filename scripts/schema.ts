/**
 * Generate `schema.json`, the JSON Schema of `Article`, from `src/types.ts`.
 *
 * Run `npm run schema` after changing the types; `test/schema.test.ts`
 * fails while the file is stale.
 */
import {writeFileSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createGenerator} from 'ts-json-schema-generator'

/** Where the schema is written: the package root, exported as `article-kit/schema.json`. */
export const schemaPath = fileURLToPath(new URL('../schema.json', import.meta.url))

/**
 * The schema of `Article`, as the text written to `schema.json`.
 *
 * @returns Pretty-printed JSON with a final newline.
 * @example
 * JSON.parse(generateSchema()).$ref
 * //=> '#/definitions/Article'
 */
export function generateSchema(): string {
  const generator = createGenerator({
    path: fileURLToPath(new URL('../src/types.ts', import.meta.url)),
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    type: 'Article',
    // `npm run typecheck` checks the types; generating need not do it again.
    skipTypeCheck: true,
    additionalProperties: false
  })
  const {$schema, ...rest} = generator.createSchema('Article')
  const schema = {$schema, $comment: 'Generated from src/types.ts by `npm run schema`; do not edit.', ...rest}
  return `${JSON.stringify(schema, null, 2)}\n`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(schemaPath, generateSchema())
  console.log(`Wrote ${schemaPath}`)
}
