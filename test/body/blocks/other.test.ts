import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element} from 'hast'
import {embed, html, quote, rule} from '../../../src/body/blocks/other.ts'
import type {Context} from '../../../src/body/hast.ts'
import {element} from './read.ts'

const clean = (body: string): Context => ({body, isDirty: () => false})
const dirty = (body: string): Context => ({body, isDirty: () => true})

describe('quote', () => {
  it('should read a <blockquote>’s text and inner HTML as written, or serialised when changed', () => {
    const body = '<blockquote data-ke-style="style2"><p>a</p>\n<p>b <B>c</B></p></blockquote>'
    assert.deepEqual(quote(clean(body), element(body)), {type: 'quote', text: 'a\n\nb c', html: '<p>a</p>\n<p>b <B>c</B></p>'})
    assert.deepEqual(quote(dirty(body), element(body)), {type: 'quote', text: 'a\n\nb c', html: '<p>a</p>\n<p>b <b>c</b></p>'})
  })
})

describe('rule', () => {
  it('should read the editor’s data-ke-style, or null', () => {
    assert.deepEqual(rule(clean(''), element('<hr data-ke-style="style6">')), {type: 'rule', text: '', style: 'style6'})
    assert.deepEqual(rule(clean(''), element('<hr data-ke-style="">')), {type: 'rule', text: '', style: ''})
    assert.deepEqual(rule(clean(''), element('<hr class="x">')), {type: 'rule', text: '', style: null})
  })
})

describe('embed', () => {
  it('should read the src, its host in lower case, and the title or null', () => {
    assert.deepEqual(embed(clean(''), element('<iframe src="https://WWW.YouTube.com/embed/x" title="A video"></iframe>')), {
      type: 'embed',
      text: '',
      src: 'https://WWW.YouTube.com/embed/x',
      host: 'www.youtube.com',
      title: 'A video'
    })
    assert.deepEqual(embed(clean(''), element('<iframe src="//player.vimeo.com/video/1"></iframe>')), {
      type: 'embed',
      text: '',
      src: '//player.vimeo.com/video/1',
      host: 'player.vimeo.com',
      title: null
    })
  })

  it('should read an iframe without a src, or with one that has no host, as empty', () => {
    assert.deepEqual(embed(clean(''), element('<iframe></iframe>')), {type: 'embed', text: '', src: '', host: '', title: null})
    assert.deepEqual(embed(clean(''), element('<iframe src="/local" title=""></iframe>')), {type: 'embed', text: '', src: '/local', host: '', title: ''})
  })
})

describe('html', () => {
  it('should keep the whole element as written, or serialised when changed, with its text', () => {
    const body = '<section class="a"><h3>T</h3><B>x</B></section>'
    assert.deepEqual(html(clean(body), element(body)), {type: 'html', text: 'T\nx', html: body})
    assert.deepEqual(html(dirty(body), element(body)), {type: 'html', text: 'T\nx', html: '<section class="a"><h3>T</h3><b>x</b></section>'})
  })
})
