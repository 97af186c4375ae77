import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {contentMessages, contentRules, everyBlock, imageAltMessages} from '../../src/article/checks.ts'
import {LineIndex} from '../../src/diagnostics/line-index.ts'
import {catalogue} from '../../src/diagnostics/catalogue.ts'
import {parsePost, type Article, type Block, type Message, type Section} from '../../src/index.ts'

/*
 * The content messages are read from a hand-built Article (the fields a
 * check reads, and nothing else it needs), over a made-up post of four
 * lines so that offsets become places that can be checked by hand.
 */

const raw = 'ab\ncd\nef\ngh'
const lines = new LineIndex(raw)
const paragraph = (text: string): Block => ({type: 'paragraph', text, html: text})
const spacer: Block = {type: 'spacer', text: '', html: '&nbsp;'}
const position = (start: number, end: number) => ({start: lines.point(start), end: lines.point(end)})
const section = (heading: string, blocks: Block[] = [], children: Section[] = []): Section => ({heading, id: heading, depth: 2, blocks, children})

function article(fields: Partial<Article> = {}, meta: Partial<Article['meta']> = {}): Article {
  const base = parsePost('---\ntitle: t\n---\n')
  return {...base, hero: null, lead: [paragraph('x')], sections: [], ...fields, meta: {...base.meta, ...meta}}
}

function check(value: Article, options: {itemCount?: number; images?: Array<[number, number]>; bodyStart?: number} = {}): Message[] {
  const messages: Message[] = []
  contentMessages({lines, messages, bodyStart: options.bodyStart ?? 3}, value, options.itemCount ?? 1, options.images ?? [])
  return messages
}

/** Rule and place of each message; each must say something (wording itself is not pinned). */
const places = (messages: Message[]) =>
  messages.map((message) => {
    assert.notEqual(message.reason.trim(), '', message.ruleId)
    return [message.ruleId, message.place.start.offset, message.place.end.offset]
  })

describe('contentMessages', () => {
  it('should say nothing about a body with a paragraph', () => {
    assert.deepEqual(check(article()), [])
  })

  it('should want content: no item, or only spacers, is an empty body, at the body\'s start', () => {
    assert.deepEqual(places(check(article(), {itemCount: 0})), [['body-empty', 3, 3]])
    assert.deepEqual(places(check(article({lead: []}))), [['body-empty', 3, 3]])
    assert.deepEqual(places(check(article({lead: [spacer, spacer]}), {bodyStart: 6})), [['body-empty', 6, 6]])
  })

  it('should take a hero, a section or a block other than a spacer as content', () => {
    const hero = {src: '/a.jpg', alt: 'a'}
    assert.deepEqual(check(article({lead: [], hero})), [])
    assert.deepEqual(check(article({lead: [], sections: [section('h')]})), [])
    assert.deepEqual(check(article({lead: [spacer, paragraph('y')]})), [])
    assert.deepEqual(check(article({lead: [{type: 'rule', text: ''} as Block]})), [])
  })

  it('should want an `alt` on each image the sanitiser found without one, after the body\'s start', () => {
    assert.deepEqual(places(check(article(), {images: [[0, 2], [3, 5]]})), [['image-alt-missing', 3, 5], ['image-alt-missing', 6, 8]])
  })

  describe('excerpt and feature text', () => {
    const cases: Array<[string, string, boolean]> = [
      ['The council approved the budget.', 'A storm hit the coast overnight.', true],
      ['The council approved the budget.', 'The council approved the budget.', false],
      // One contains the other as written.
      ['The council approved the budget. More.', 'council approved', false],
      ['approved', 'The council approved the budget.', false],
      // Or once punctuation, case and spaces are left out.
      ['The Council, approved!', 'the council approved the budget', false],
      ['the council approved the budget', 'THE COUNCIL  APPROVED', false],
      // Only punctuation on one side: nothing to compare.
      ['The council approved the budget.', '…', false],
      ['!!', 'The council approved the budget.', false]
    ]
    for (const [excerpt, featureText, mismatch] of cases) {
      it(`should ${mismatch ? '' : 'not '}want ${JSON.stringify(excerpt)} and ${JSON.stringify(featureText)} to agree`, () => {
        assert.deepEqual(places(check(article({}, {excerpt, featureText}))), mismatch ? [['excerpt-mismatch', 0, 0]] : [])
      })
    }

    it('should compare nothing when one is missing or empty', () => {
      assert.deepEqual(check(article({}, {excerpt: 'A storm.', featureText: null})), [])
      assert.deepEqual(check(article({}, {excerpt: null, featureText: 'A storm.'})), [])
      assert.deepEqual(check(article({}, {excerpt: '', featureText: 'A storm.'})), [])
    })
  })

  describe('the front matter image', () => {
    const hero = {src: ' /a.jpg', alt: 'a', position: position(3, 8)}

    it('should want it to be the hero, at the hero', () => {
      assert.deepEqual(places(check(article({hero}, {image: '/b.jpg'}))), [['image-mismatch', 3, 8]])
      assert.match(check(article({hero}, {image: '/b.jpg'}))[0]!.reason, /\/a\.jpg/)
    })

    it('should compare them without surrounding white space', () => {
      assert.deepEqual(check(article({hero}, {image: '/a.jpg\n'})), [])
    })

    it('should place it at the start of the post for a hero without a position', () => {
      assert.deepEqual(places(check(article({hero: {src: '/a.jpg', alt: 'a'}}, {image: '/b.jpg'}))), [['image-mismatch', 0, 0]])
    })

    it('should want nothing without a hero or without an image', () => {
      assert.deepEqual(check(article({}, {image: '/b.jpg'})), [])
      assert.deepEqual(check(article({hero}, {image: null})), [])
      assert.deepEqual(check(article({hero}, {image: ''})), [])
    })
  })

  it('should find every ad slot, in the lead and in nested sections, at its block', () => {
    const ad = (start: number, end: number): Block => ({type: 'figure', kind: 'revenue', image: null, caption: '', text: '', position: position(start, end)})
    const value = article({lead: [ad(0, 1)], sections: [section('a', [paragraph('p'), ad(3, 4)], [section('b', [ad(6, 7)])])]})
    assert.deepEqual(places(check(value)), [['revenue-slot', 0, 1], ['revenue-slot', 3, 4], ['revenue-slot', 6, 7]])
    const unplaced: Block = {type: 'figure', kind: 'revenue', image: null, caption: '', text: ''}
    assert.deepEqual(places(check(article({lead: [paragraph('x'), unplaced]}))), [['revenue-slot', 0, 0]])
    // Other figures and blocks are no ad.
    const figure: Block = {type: 'figure', kind: 'imageblock', image: null, caption: 'c', text: 'c'}
    assert.deepEqual(check(article({lead: [figure, {type: 'html', kind: 'revenue', text: '', html: ''} as unknown as Block]})), [])
  })
})

describe('imageAltMessages', () => {
  it('should add one message per image, shifted by the body\'s start, to the list given', () => {
    const messages: Message[] = [check(article(), {itemCount: 0})[0]!]
    imageAltMessages(lines, 6, [[0, 2], [3, 5]], messages)
    assert.deepEqual(places(messages), [['body-empty', 3, 3], ['image-alt-missing', 6, 8], ['image-alt-missing', 9, 11]])
    assert.deepEqual([messages[2]!.line, messages[2]!.column], [4, 1])
  })
})

describe('contentRules', () => {
  it('should be the rules contentMessages and buildBody report, each in the catalogue', () => {
    for (const rule of contentRules) assert.ok(rule in catalogue, rule)
    assert.deepEqual([...contentRules].sort(), ['body-empty', 'excerpt-mismatch', 'heading-duplicate', 'heading-empty', 'heading-order', 'image-mismatch', 'revenue-slot', 'summary-missing-section', 'summary-unmatched'])
  })
})

describe('everyBlock', () => {
  it('should give the lead, then each section\'s blocks before its children\'s, depth first', () => {
    const block = (text: string) => paragraph(text)
    const value = {
      lead: [block('l1'), block('l2')],
      sections: [section('a', [block('a1')], [section('b', [block('b1')], [section('c', [block('c1')])]), section('d', [block('d1'), block('d2')])]), section('e', [block('e1')])]
    }
    assert.deepEqual([...everyBlock(value)].map((item) => item.text), ['l1', 'l2', 'a1', 'b1', 'c1', 'd1', 'd2', 'e1'])
    assert.deepEqual([...everyBlock({lead: [], sections: []})], [])
  })

  it('should not change the article', () => {
    const sections = [section('a', [], [section('b'), section('c')])]
    const copy = structuredClone(sections)
    ;[...everyBlock({lead: [], sections})]
    assert.deepEqual(sections, copy)
  })
})
