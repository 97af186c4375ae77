import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {list} from '../../../src/body/blocks/list.ts'
import type {Context} from '../../../src/body/hast.ts'

function read(body: string, dirty = false) {
  const node = fromHtml(body, {fragment: true}).children[0] as Element
  assert.ok(node?.type === 'element', 'no element')
  return list({body, isDirty: () => dirty}, node)
}

describe('list', () => {
  it('should read <ul> as unordered and <ol> as ordered, with the text of the whole list', () => {
    assert.deepEqual(read('<ul><li>a</li><li>b <b>c</b></li></ul>'), {
      type: 'list',
      ordered: false,
      text: 'a\nb c',
      items: [
        {text: 'a', html: 'a'},
        {text: 'b c', html: 'b <b>c</b>'}
      ]
    })
    assert.equal(read('<ol start="3"><li>a</li></ol>').ordered, true)
  })

  it('should keep a nested list inside its item', () => {
    const result = read('<ul><li>a<ol><li>b</li></ol></li><li>c</li></ul>')
    assert.deepEqual(result.items, [
      {text: 'a\nb', html: 'a<ol><li>b</li></ol>'},
      {text: 'c', html: 'c'}
    ])
  })

  it('should read only <li> children as items, passing over anything else the list holds', () => {
    const result = read('<ul>\n  <div>x</div>\n  <li>a</li>\n  <!-- c -->\n  <p>y</p><li>b</li></ul>')
    assert.deepEqual(result.items, [
      {text: 'a', html: 'a'},
      {text: 'b', html: 'b'}
    ])
    assert.deepEqual(read('<ul></ul>').items, [])
  })

  it('should serialise an item’s inner HTML when the sanitiser changed it', () => {
    assert.deepEqual(read('<ul><li>a <B>b</B></li></ul>', true).items, [{text: 'a b', html: 'a <b>b</b>'}])
  })
})
