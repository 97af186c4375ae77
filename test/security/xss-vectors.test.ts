/**
 * The static audit takes its documents from the browser sweep's rendering
 * when both run in one process (`renderVectors` in
 * `../support/xss-vectors.ts`): that must be what rendering its placements
 * alone gives. Checked on a few vectors, so it is quick.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {articlePlacements, postPlacements, renderSome, selectPlacements, vectors, type RenderedVectors, type Vector} from '../support/xss-vectors.ts'

/** Documents in a fixed order, so two renderings compare whatever order they were made in. */
function sorted(rendered: RenderedVectors) {
  return {...rendered, documents: [...rendered.documents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))}
}

describe('the static audit\'s documents, taken from a rendering of every placement', () => {
  // The first vector of a few categories, one of them the container escapes.
  const firsts = [...new Map(vectors.map((vector): [string, Vector] => [vector.category, vector])).values()]
  const some = [...firsts.slice(0, 4), ...firsts.filter((vector) => vector.category === 'container-escape')]
  const all = renderSome(some)

  it('should have rendered every vector in every placement with both renderers', () => {
    assert.equal(some.length, 5)
    const placements = Object.keys(postPlacements).length + Object.keys(articlePlacements).length
    assert.equal(all.renders, some.length * placements * 2)
    assert.deepEqual(all.crashes, [])
  })

  for (const only of [
    ['body-paragraph', 'article-paragraph-html', 'article-hero-src', 'matter-title-raw'],
    ['body-a-href'],
    ['article-layout-gaps', 'article-summary-cell-html'],
    [...Object.keys(postPlacements), ...Object.keys(articlePlacements)]
  ]) {
    it(`should give what rendering ${only.length} placements alone gives (${only.slice(0, 2).join(', ')}…)`, () => {
      const placements = new Set(only)
      const taken = selectPlacements(all, placements)
      const made = renderSome(some, placements)
      assert.ok(made.documents.size > 0)
      assert.deepEqual(sorted(taken), sorted(made))
    })
  }

  it('should keep the crashes of the placements it takes, and no others', () => {
    const crashed: RenderedVectors = {...all, crashes: ['a-vector @ body-paragraph: Error: x', 'b-vector @ body-a-href: Error: y @ z: w']}
    assert.deepEqual(selectPlacements(crashed, new Set(['body-a-href'])).crashes, ['b-vector @ body-a-href: Error: y @ z: w'])
  })
})
