import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {paragraph, run} from '../../../src/body/blocks/paragraph.ts'
import type {Context} from '../../../src/body/hast.ts'
import {element, nodes} from './read.ts'

/** The body as read, nothing sanitised, or everything. */
function clean(body: string): Context {
  return {body, isDirty: () => false}
}

function dirty(body: string): Context {
  return {body, isDirty: () => true}
}

/** An element the parser made up: no position, nothing to show. */
function madeUp(tagName: string, children: ElementContent[] = []): Element {
  return {type: 'element', tagName, properties: {}, children}
}

describe('paragraph', () => {
  it('should read a <p> as a paragraph with its inner HTML as written and its text', () => {
    const body = '<p class="x">a <b>bold</b>\n  b</p>'
    assert.deepEqual(paragraph(clean(body), element(body)), {type: 'paragraph', text: 'a bold b', html: 'a <b>bold</b>\n  b'})
  })

  it('should serialise the inner HTML when the sanitiser changed it', () => {
    const body = '<p>a <B>b</B></p>'
    assert.deepEqual(paragraph(dirty(body), element(body)), {type: 'paragraph', text: 'a b', html: 'a <b>b</b>'})
  })

  it('should read a <p> holding only an image as an image block', () => {
    const body = '<p> <a href="x"><img src="a.png" alt="A" width="3"></a> </p>'
    assert.deepEqual(paragraph(clean(body), element(body)), {type: 'image', text: '', src: 'a.png', alt: 'A', width: '3', href: 'x'})
  })

  it('should read white space, no-break, zero-width spaces, byte order marks and <br> as a spacer', () => {
    // A zero-width space at both ends keeps the others inside the text (trimming takes white space, no-break spaces and BOMs at the ends).
    const inside = ['\u200b \u200b', '\u200b\u00a0\u200b', '\u200b\ufeff\u200b', '\u200b<br>\u200b']
    for (const inner of ['', ' ', '&nbsp;', '\u00a0', '\u200b', '\ufeff', '<br>', '&nbsp;<br>\n&nbsp;', '\u200b\ufeff\u00a0 <br>', ...inside]) {
      const body = `<p>${inner}</p>`
      assert.deepEqual(paragraph(clean(body), element(body)), {type: 'spacer', text: '', html: inner}, body)
    }
  })

  it('should read empty inline wrappers as a spacer, each of them and nested', () => {
    for (const name of ['span', 'font', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'small', 'big', 'sub', 'sup', 'mark', 'tt']) {
      const body = `<p><${name}>&nbsp;</${name}><br></p>`
      assert.equal(paragraph(clean(body), element(body)).type, 'spacer', body)
    }
    const body = '<p><span style="x"><b><br></b></span> <font></font></p>'
    assert.equal(paragraph(clean(body), element(body)).type, 'spacer')
  })

  it('should read an empty element that is no wrapper as a paragraph, however deep', () => {
    for (const inner of ['<a href="x"></a>', '<code> </code>', '<span><a name="x"></a></span>', '<b><span></span><q></q></b>', '<br><abbr></abbr>']) {
      const body = `<p>${inner}</p>`
      assert.deepEqual(paragraph(clean(body), element(body)), {type: 'paragraph', text: '', html: inner}, body)
    }
  })

  it('should read a paragraph with any visible character, even beside spacer content', () => {
    for (const inner of ['a', '&nbsp;.&nbsp;', '<br>-', '<span>x</span>', '\u200ba']) {
      const body = `<p>${inner}</p>`
      assert.equal(paragraph(clean(body), element(body)).type, 'paragraph', body)
    }
  })

  it('should look inside reopened formatting elements and past made-up ones when telling a spacer', () => {
    const p = element('<p>&nbsp;</p>')
    const reopened = {type: 'element', tagName: 'a', properties: {}, children: [] as Element[], data: {reopened: true}} as Element
    p.children.push(reopened, madeUp('div'))
    assert.equal(paragraph(dirty(''), p).type, 'spacer')
    const holding = {type: 'element', tagName: 'a', properties: {}, children: [madeUp('p')], data: {reopened: true}} as Element
    const q = element('<p>&nbsp;</p>')
    q.children.push(holding)
    assert.equal(paragraph(dirty(''), q).type, 'spacer')
    const written = element('<p>&nbsp;</p>')
    written.children.push({type: 'element', tagName: 'a', properties: {}, children: [element('<a></a>')], data: {reopened: true}} as Element)
    assert.equal(paragraph(dirty(''), written).type, 'paragraph')
  })

  it('should not mark a <p> implicit', () => {
    const body = '<p>a</p>'
    assert.equal('implicit' in paragraph(clean(body), element(body)), false)
  })
})

describe('run', () => {
  it('should read a run as an implicit paragraph with its source between the offsets', () => {
    const body = '<hr>a <b>b</b><hr>'
    const between = nodes(body).slice(1, 3)
    assert.deepEqual(run(clean(body), between, 4, 14), {type: 'paragraph', text: 'a b', html: 'a <b>b</b>', implicit: true})
  })

  it('should serialise the run’s nodes when the sanitiser changed them', () => {
    const body = 'a <B>b</B>'
    let asked: [number, number] | undefined
    const context: Context = {
      body,
      isDirty(start, end) {
        asked = [start, end]
        return true
      }
    }
    assert.deepEqual(run(context, nodes(body), 0, body.length), {type: 'paragraph', text: 'a b', html: 'a <b>b</b>', implicit: true})
    assert.deepEqual(asked, [0, body.length])
  })

  it('should read a run of one image as an image block, and a blank run as a spacer', () => {
    const body = '\n<img src="a.png">\n'
    assert.deepEqual(run(clean(body), nodes(body), 0, body.length), {type: 'image', text: '', src: 'a.png', alt: ''})
    const blank = ' <br> '
    assert.deepEqual(run(clean(blank), nodes(blank), 0, blank.length), {type: 'spacer', text: '', html: blank})
  })

  it('should read newlines as white space without breaks', () => {
    const body = 'a\nb'
    assert.equal(run(clean(body), nodes(body), 0, body.length).text, 'a b')
    assert.equal(run(clean(body), nodes(body), 0, body.length, false).text, 'a b')
  })
})

describe('run with breaks (wpautop)', () => {
  function text(body: string, list = nodes(body)): string {
    const block = run(clean(body), list, 0, body.length, true)
    assert.ok(block.type === 'paragraph', body)
    assert.equal(block.html, body, 'the html is the source, breaks or not')
    return block.text
  }

  it('should read each newline of the text as a line break, white space around it dropped', () => {
    assert.equal(text('a\nb'), 'a\nb')
    assert.equal(text('a \t\n\t b\nc'), 'a\nb\nc')
    assert.equal(text('a <b>b\nc</b> d'), 'a b c d', 'only the run’s own texts, not inside elements')
    assert.equal(text('a <i>b</i> c\nd'), 'a b c\nd', 'no break before a text’s first line')
  })

  it('should add no break for a newline right after a written <br>', () => {
    assert.equal(text('a<br>\nb'), 'a\nb')
    assert.equal(text('a<br>\n\nb'), 'a\nb')
    assert.equal(text('a<br />  \n  b'), 'a\nb')
    assert.equal(text('a <i>b</i><br>\n\nc'), 'a b\nc', 'the <br> is the last node read, not the second')
  })

  it('should read each of two newlines in a row as a break', () => {
    assert.equal(text('a\n\nb'), 'a\n\nb')
    assert.equal(text('<b>a</b>\n\nb'), 'a\n\nb', 'after an element that is no <br>')
    assert.equal(text('a\n \nb'), 'a\n\nb')
  })

  it('should trim breaks at the start and the end', () => {
    assert.equal(text('\na\n'), 'a')
    assert.equal(text('\n\na <i>b</i>\n\n'), 'a b')
  })

  it('should leave out elements the parser made up, as the text of a run without breaks does', () => {
    const list = nodes('a\nb')
    const withMadeUp = [list[0]!, madeUp('p'), madeUp('p')]
    assert.equal(text('a\nb', withMadeUp), 'a\nb')
    const between = nodes('a')
    assert.equal(text('a', [between[0]!, madeUp('div'), {type: 'text', value: 'b'}]), 'ab')
  })

  it('should keep elements and a text without newline as they are', () => {
    assert.equal(text('a <b>b</b><br>c'), 'a b\nc')
  })

  it('should not change the nodes it reads', () => {
    const body = 'a\nb<br>\nc'
    const list = nodes(body)
    const before = toHtml({type: 'root', children: list})
    text(body, list)
    assert.equal(toHtml({type: 'root', children: list}), before)
    assert.equal(list.length, 3)
  })
})
