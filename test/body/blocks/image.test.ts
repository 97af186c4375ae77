import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, ElementContent} from 'hast'
import {imageOf, loneImage} from '../../../src/body/blocks/image.ts'
import {element, nodes} from './read.ts'

describe('imageOf', () => {
  it('should read src and alt, empty when missing, and no other field when the attribute is missing', () => {
    assert.deepEqual(imageOf(element('<img src="a.png" alt="A">')), {src: 'a.png', alt: 'A'})
    assert.deepEqual(imageOf(element('<img>')), {src: '', alt: ''})
  })

  it('should read title, width, height and srcset as written', () => {
    assert.deepEqual(imageOf(element('<img src="a.png" alt="" title="T" width="100" height="50%" srcset="a.png 1x, b.png 2x">')), {
      src: 'a.png',
      alt: '',
      title: 'T',
      width: '100',
      height: '50%',
      srcset: 'a.png 1x, b.png 2x'
    })
  })

  it('should keep an empty attribute as an empty field', () => {
    assert.deepEqual(imageOf(element('<img src="" alt title="" width="" height="" srcset="">')), {
      src: '',
      alt: '',
      title: '',
      width: '',
      height: '',
      srcset: ''
    })
  })

  it('should read each of title, width, height and srcset alone', () => {
    assert.deepEqual(imageOf(element('<img title="T">')), {src: '', alt: '', title: 'T'})
    assert.deepEqual(imageOf(element('<img width="3">')), {src: '', alt: '', width: '3'})
    assert.deepEqual(imageOf(element('<img height="4">')), {src: '', alt: '', height: '4'})
    assert.deepEqual(imageOf(element('<img srcset="b.png 2x">')), {src: '', alt: '', srcset: 'b.png 2x'})
  })
})

describe('loneImage', () => {
  it('should read an <img> alone', () => {
    assert.deepEqual(loneImage(nodes('<img src="a.png" alt="A">')), {src: 'a.png', alt: 'A'})
  })

  it('should look past blank text, no-break spaces and comments around it', () => {
    assert.deepEqual(loneImage(nodes(' \n<img src="a.png">\u00a0<!-- c -->\t')), {src: 'a.png', alt: ''})
  })

  it('should read the link around it as href, empty for a link without one', () => {
    assert.deepEqual(loneImage(nodes('<a href="https://example.com/"><img src="a.png"></a>')), {src: 'a.png', alt: '', href: 'https://example.com/'})
    assert.deepEqual(loneImage(nodes('<a><img src="a.png"></a>')), {src: 'a.png', alt: '', href: ''})
  })

  it('should unwrap spans and a link in spans (the editor’s lightbox)', () => {
    assert.deepEqual(loneImage(nodes('<span class="lightbox"><img src="a.png"></span>')), {src: 'a.png', alt: ''})
    assert.deepEqual(loneImage(nodes('<span> <a href="x"> <span><img src="a.png"></span> </a> </span>')), {src: 'a.png', alt: '', href: 'x'})
  })

  it('should refuse a link inside a link (which href would it be?)', () => {
    // The parser never nests <a>, so the tree is built: the inner link is a copy with the positions of a parsed one.
    const outer = element('<a href="outer">x</a>')
    const inner = element('<a href="inner"><img src="a.png"></a>')
    outer.children = [inner]
    assert.equal(loneImage([outer]), undefined)
  })

  it('should refuse anything beside the image: text, a second image, another element', () => {
    assert.equal(loneImage(nodes('<img src="a.png"> a')), undefined)
    assert.equal(loneImage(nodes('a<img src="a.png">')), undefined)
    assert.equal(loneImage(nodes('<img src="a.png"><img src="b.png">')), undefined)
    assert.equal(loneImage(nodes('<img src="a.png"><br>')), undefined)
    assert.equal(loneImage(nodes('<a href="x"><img src="a.png">a</a>')), undefined)
    assert.equal(loneImage(nodes('<span><img src="a.png"></span><span>b</span>')), undefined)
  })

  it('should refuse an image inside any other element, and nothing at all', () => {
    assert.equal(loneImage(nodes('<b><img src="a.png"></b>')), undefined)
    assert.equal(loneImage(nodes('<em><a href="x"><img src="a.png"></a></em>')), undefined)
    assert.equal(loneImage(nodes('<br>')), undefined)
    assert.equal(loneImage(nodes('a')), undefined)
    assert.equal(loneImage(nodes(' ')), undefined)
    assert.equal(loneImage([]), undefined)
    assert.equal(loneImage(nodes('<a href="x"></a>')), undefined)
    assert.equal(loneImage(nodes('<span>a</span>')), undefined)
  })

  it('should look past an element the parser made up that shows nothing', () => {
    const made: Element = {type: 'element', tagName: 'b', properties: {}, children: []}
    assert.deepEqual(loneImage([made, ...nodes('<img src="a.png">'), made]), {src: 'a.png', alt: ''})
    const wrapped = element('<span><img src="a.png"></span>')
    wrapped.children.push(made)
    assert.deepEqual(loneImage([wrapped]), {src: 'a.png', alt: ''})
  })

  it('should not take a made-up element that holds text, nor a written empty one, for nothing', () => {
    const holding: Element = {type: 'element', tagName: 'b', properties: {}, children: [{type: 'text', value: 'x'}]}
    assert.equal(loneImage([holding, ...nodes('<img src="a.png">')]), undefined)
    assert.equal(loneImage(nodes('<b></b><img src="a.png">')), undefined)
  })
})
