// A message on every assert.ok: without one, a failing call makes node:assert read the test's source for the expression, which took minutes a mutant under Stryker.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element} from 'hast'
import {figure} from '../../../src/body/blocks/figure.ts'
import type {Context} from '../../../src/body/hast.ts'
import {element} from './read.ts'

/** The first element of a body as the parser reads it, with positions. */
function read(body: string): ReturnType<typeof figure> {
  const context: Context = {body, isDirty: () => false}
  return figure(context, element(body))
}

describe('figure: open graph cards', () => {
  it('should read a Tistory open graph card as a link card with every field', () => {
    const body =
      '<figure data-ke-type="opengraph" data-og-url="https://a.example/" data-og-source-url="https://b.example/" data-og-title="T" data-og-description="D" data-og-image="https://a.example/i.png">' +
      '<a href="https://c.example/"><div>T</div><p>D</p></a></figure>'
    assert.deepEqual(read(body), {
      type: 'link-card',
      text: 'T\n\nD', // innerText: a <p> asks for two line breaks around it
      url: 'https://a.example/',
      title: 'T',
      description: 'D',
      image: 'https://a.example/i.png'
    })
  })

  it('should take the URL from data-og-url, then data-og-source-url, then the link, else empty', () => {
    const card = (attributes: string, inner = '') => read(`<figure data-ke-type="opengraph" ${attributes}>${inner}</figure>`)
    const url = (attributes: string, inner = '') => {
      const block = card(attributes, inner)
      assert.ok(block.type === 'link-card', 'no link card')
      return block.url
    }
    assert.equal(url('data-og-url="u" data-og-source-url="s"', '<a href="l">x</a>'), 'u')
    assert.equal(url('data-og-source-url="s"', '<a href="l">x</a>'), 's')
    assert.equal(url('', '<div><a href="l">x</a></div>'), 'l')
    assert.equal(url('', '<a>x</a>'), '')
    assert.equal(url(''), '')
  })

  it('should leave missing title, description and image empty', () => {
    assert.deepEqual(read('<figure data-ke-type="opengraph"></figure>'), {type: 'link-card', text: '', url: '', title: '', description: '', image: ''})
  })
})

describe('figure: code figures', () => {
  it('should read a highlighter’s figure as a code block', () => {
    const block = read('<figure class="highlight"><pre><code class="language-js">let a</code></pre></figure>')
    assert.deepEqual(block, {type: 'code', text: 'let a', code: 'let a', language: 'js'})
  })
})

describe('figure: images', () => {
  it('should read an image block with its kind, image and caption', () => {
    const body = '<figure data-ke-type="imageblock" data-ke-style="alignCenter"><span><img src="a.png" alt="A" width="3"></span><figcaption> The <b>caption</b> </figcaption></figure>'
    assert.deepEqual(read(body), {
      type: 'figure',
      kind: 'imageblock',
      text: 'The caption',
      image: {src: 'a.png', alt: 'A', width: '3'},
      caption: 'The caption'
    })
  })

  it('should call a figure without data-ke-type a figure, and without image or caption read none', () => {
    assert.deepEqual(read('<figure>text</figure>'), {type: 'figure', kind: 'figure', text: 'text', image: null, caption: ''})
    assert.deepEqual(read('<figure data-ke-type="revenue"><ins class="adsbygoogle"></ins></figure>'), {type: 'figure', kind: 'revenue', text: '', image: null, caption: ''})
  })

  it('should read the first image, breadth first', () => {
    const block = read('<figure><div><img src="deep.png"></div><img src="top.png"></figure>')
    assert.ok(block.type === 'figure', 'no figure')
    assert.equal(block.image?.src, 'top.png')
  })

  it('should read the link around the image as its href, however deep', () => {
    const href = (body: string) => {
      const block = read(body)
      assert.ok(block.type === 'figure' && block.image, 'no figure with an image')
      return 'href' in block.image ? block.image.href : 'none'
    }
    assert.equal(href('<figure><a href="https://a.example/"><img src="a.png"></a></figure>'), 'https://a.example/')
    assert.equal(href('<figure><div><a href="x"><span><span><img src="a.png"></span></span></a></div></figure>'), 'x')
    assert.equal(href('<figure><a><img src="a.png"></a></figure>'), '')
    assert.equal(href('<figure><img src="a.png"></figure>'), 'none')
  })

  it('should not take a link beside the image, before or after it, for one around it', () => {
    const href = (body: string) => {
      const block = read(body)
      assert.ok(block.type === 'figure' && block.image, 'no figure with an image')
      return 'href' in block.image ? block.image.href : 'none'
    }
    assert.equal(href('<figure><a href="before">x</a><img src="a.png"><a href="after">y</a></figure>'), 'none')
    assert.equal(href('<figure><div><img src="a.png"></div>after<!--c--></figure>'), 'none')
    assert.equal(href('<figure><div><a href="x">x</a></div><div><span><img src="a.png"></span></div></figure>'), 'none')
    assert.equal(href('<figure><a href="outer"><span><a href="inner">x</a></span><img src="a.png"></a></figure>'), 'none', 'the parser closes the outer link at the inner one')
  })

  it('should read the innermost link around the image', () => {
    // The parser never nests links, so the tree is put together from parsed elements.
    const outer = element('<figure><a href="outer"><b>x</b></a></figure>')
    const link = outer.children[0] as Element
    const inner = element('<a href="inner"><img src="a.png"></a>')
    ;(link.children[0] as Element).children.push(inner)
    const block = figure({body: '', isDirty: () => true}, outer)
    assert.ok(block.type === 'figure', 'no figure')
    assert.equal(block.image?.href, 'inner')
  })
})
