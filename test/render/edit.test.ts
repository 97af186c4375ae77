import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import {parsePost, renderPost, type ParagraphBlock} from '../../src/index.ts'

const raw = readFileSync(new URL('../../examples/sample.txt', import.meta.url), 'utf8')

/** The sample with one exact substring replaced (asserting it is there once). */
function replaceOnce(value: string, from: string, to: string): string {
  assert.equal(value.split(from).length, 2, `expected one \`${from}\``)
  return value.replace(from, () => to)
}

describe('editing through the Article', () => {
  it('should rewrite only a renamed heading', () => {
    const article = parsePost(raw)
    article.sections[0]!.children[1]!.heading = '러시아의 지지 <확대>'
    const expected = replaceOnce(raw, '<h3>러시아의 지지와 군사 협력 강화</h3>', '<h3>러시아의 지지 &#x3C;확대></h3>')
    assert.equal(renderPost(article), expected)
  })

  it('should insert an added paragraph, in the editor’s style, and nothing else', () => {
    const article = parsePost(raw)
    const added: ParagraphBlock = {type: 'paragraph', text: '새 문단', html: '새 <b>문단</b>'}
    article.sections[0]!.blocks.push(added)
    const first = article.sections[0]!.blocks[0] as ParagraphBlock
    const anchor = first.source!.html
    const expected = replaceOnce(raw, anchor, anchor + '\n\n<p data-ke-size="size16">새 <b>문단</b></p>')
    assert.equal(renderPost(article), expected)
  })

  it('should drop a removed paragraph with its blank line', () => {
    const article = parsePost(raw)
    const removed = article.sections[0]!.children[2]!.blocks.pop()!
    const expected = replaceOnce(raw, '\n\n' + removed.source!.html, '')
    assert.equal(renderPost(article), expected)
  })

  it('should cut only the row of a removed summary item', () => {
    const article = parsePost(raw)
    article.summary!.items.splice(1, 1)
    const row = '\n        <tr>\n            <td style="text-align: center; height: 17px;"><b>러시아의 지지와 군사 협력 강화</b></td>\n        </tr>'
    assert.equal(renderPost(article), replaceOnce(raw, row, ''))
  })

  it('should rewrite only the line of a changed front matter key', () => {
    const article = parsePost(raw)
    article.meta.title = '새 제목: 부제'
    const expected = replaceOnce(raw, "title: '공고히 한 北·러, 러시아의 정책 모두 지지'\n", 'title: "새 제목: 부제"\n')
    assert.equal(renderPost(article), expected)
  })

  it('should append an added front matter key before the closing fence', () => {
    const article = parsePost(raw)
    article.meta.tags = ['북한', '러시아']
    const expected = replaceOnce(raw, "newsdao_breakingnews.jpg'\n---\n", "newsdao_breakingnews.jpg'\ntags:\n  - 북한\n  - 러시아\n---\n")
    assert.equal(renderPost(article), expected)
  })

  it('should remove a deleted front matter key and keep the rest as written', () => {
    const article = parsePost(raw)
    article.meta.image = null
    const expected = replaceOnce(raw, "image: 'https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg'\n", '')
    assert.equal(renderPost(article), expected)
  })

  it('should keep an edited Article stable through another round trip', () => {
    const article = parsePost(raw)
    article.sections[0]!.children[0]!.heading = '바뀐 제목'
    article.summary!.items.pop()
    const once = renderPost(article)
    assert.equal(renderPost(parsePost(once)), once)
  })
})
