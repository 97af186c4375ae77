/**
 * Figures the README and SECURITY.md quote about the test suite are the
 * suite's own: a vector added to `test/fixtures/xss/vectors.json` without
 * the documents saying so fails here.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'

const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8')
const vectorCount = (JSON.parse(read('test/fixtures/xss/vectors.json')) as unknown[]).length
/** Every number directly before "XSS vectors" or "vectors in `test/fixtures/xss/vectors.json`", across line breaks. */
const quoted = (text: string) => [...text.matchAll(/(\d[\d,]*)\s+(?:XSS\s+)?vectors(?=\s+(?:\(|in\s+`test\/fixtures\/xss))/g)].map((match) => Number(match[1]!.replaceAll(',', '')))

describe('figures quoted in the documents', () => {
  it('should quote the number of XSS vectors the browser suite runs', () => {
    assert.ok(vectorCount > 0)
    for (const name of ['README.md', 'SECURITY.md']) {
      const counts = quoted(read(name))
      assert.ok(counts.length > 0, `${name} quotes no vector count`)
      assert.deepEqual(counts, counts.map(() => vectorCount), `${name} quotes ${counts.join(', ')}; the suite has ${vectorCount}`)
    }
  })
})
