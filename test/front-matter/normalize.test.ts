import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {emptyMeta, isKnownKey, knownKeys, parseDate, setKnownKey} from '../../src/front-matter/normalize.ts'
import type {Meta, MetaValue} from '../../src/types.ts'

function set(key: keyof typeof knownKeys, value: MetaValue, written?: string): {meta: Meta; problem: ReturnType<typeof setKnownKey>} {
  const meta = emptyMeta()
  const problem = setKnownKey(meta, key, value, written)
  return {meta, problem}
}

describe('parseDate', () => {
  it('should keep a date without a time as a date', () => {
    assert.equal(parseDate('2024-07-18'), '2024-07-18')
    assert.equal(parseDate('  2024-07-18\t'), '2024-07-18')
    assert.equal(parseDate('2024-7-8'), '2024-07-08')
    assert.equal(parseDate('2024-10-10'), '2024-10-10')
    assert.equal(parseDate('2024-09-09'), '2024-09-09')
  })

  it('should refuse what is not a date', () => {
    for (const value of ['', 'yesterday', '24-07-18', '2024/07/18', '2024-07-18x', 'x2024-07-18', '2024-07-18 9', '2024-07-18 09:3', '2024-123-01', '2024-07-18 09:30 +09000']) {
      assert.equal(parseDate(value), null, value)
    }
  })

  it('should refuse months and days out of range', () => {
    assert.equal(parseDate('2024-00-10'), null)
    assert.equal(parseDate('2024-13-10'), null)
    assert.equal(parseDate('2024-12-10'), '2024-12-10')
    assert.equal(parseDate('2024-01-10'), '2024-01-10')
    assert.equal(parseDate('2024-01-00'), null)
    assert.equal(parseDate('2024-01-01'), '2024-01-01')
    assert.equal(parseDate('2024-01-31'), '2024-01-31')
    assert.equal(parseDate('2024-01-32'), null)
    for (const month of ['04', '06', '09', '11']) {
      assert.equal(parseDate(`2024-${month}-30`), `2024-${month}-30`, month)
      assert.equal(parseDate(`2024-${month}-31`), null, month)
    }
    for (const month of ['03', '05', '07', '08', '10', '12']) assert.equal(parseDate(`2024-${month}-31`), `2024-${month}-31`, month)
  })

  it('should know leap years', () => {
    assert.equal(parseDate('2024-02-29'), '2024-02-29')
    assert.equal(parseDate('2024-02-30'), null)
    assert.equal(parseDate('2023-02-28'), '2023-02-28')
    assert.equal(parseDate('2023-02-29'), null)
    assert.equal(parseDate('1900-02-29'), null)
    assert.equal(parseDate('2000-02-29'), '2000-02-29')
  })

  it('should add a time, padded, after `T`, `t` or white space', () => {
    assert.equal(parseDate('2024-07-18 09:30'), '2024-07-18T09:30:00')
    assert.equal(parseDate('2024-07-18T9:30:15'), '2024-07-18T09:30:15')
    assert.equal(parseDate('2024-07-18t10:30:15.250'), '2024-07-18T10:30:15.250')
    assert.equal(parseDate('2024-07-18 \t23:59:60'), '2024-07-18T23:59:60')
  })

  it('should refuse times out of range', () => {
    assert.equal(parseDate('2024-07-18 24:00'), null)
    assert.equal(parseDate('2024-07-18 00:60'), null)
    assert.equal(parseDate('2024-07-18 00:00:61'), null)
    assert.equal(parseDate('2024-07-18 00:00:00'), '2024-07-18T00:00:00')
  })

  it('should write the zone as `Z` or `±hh:mm`', () => {
    assert.equal(parseDate('2024-07-18 09:30 Z'), '2024-07-18T09:30:00Z')
    assert.equal(parseDate('2024-07-18T09:30:00z'), '2024-07-18T09:30:00Z')
    assert.equal(parseDate('2014-10-10 14:22:27 +0900'), '2014-10-10T14:22:27+09:00')
    assert.equal(parseDate('2014-10-10 14:22:27 -05:30'), '2014-10-10T14:22:27-05:30')
    assert.equal(parseDate('2014-10-10 14:22:27+9'), '2014-10-10T14:22:27+09:00')
    assert.equal(parseDate('2014-10-10 14:22:27 -11'), '2014-10-10T14:22:27-11:00')
    assert.equal(parseDate('2014-10-10 14:22:27 +2359'), '2014-10-10T14:22:27+23:59')
    assert.equal(parseDate('2014-10-10 14:22:27 +945'), '2014-10-10T14:22:27+09:45')
  })

  it('should refuse zones out of range', () => {
    assert.equal(parseDate('2014-10-10 14:22:27 +2400'), null)
    assert.equal(parseDate('2014-10-10 14:22:27 +24'), null)
    assert.equal(parseDate('2014-10-10 14:22:27 +0060'), null)
  })
})

describe('isKnownKey', () => {
  it('should know the typed keys by their YAML names, own keys only', () => {
    for (const key of Object.keys(knownKeys)) assert.equal(isKnownKey(key), true, key)
    for (const key of ['featureText', 'dateIso', 'extra', '__proto__', 'toString', 'constructor', 'Title']) assert.equal(isKnownKey(key), false, key)
  })
})

describe('emptyMeta', () => {
  it('should give a fresh Meta with nothing set', () => {
    const meta = emptyMeta()
    assert.deepEqual({...meta}, {
      title: null, categories: [], tags: [], excerpt: null, featureText: null, image: null,
      date: null, dateIso: null, author: null, permalink: null, layout: null, extra: []
    })
    meta.tags.push('x')
    meta.extra.push(['a', 1])
    assert.deepEqual(emptyMeta().tags, [])
    assert.deepEqual(emptyMeta().extra, [])
  })
})

describe('setKnownKey', () => {
  it('should set each text key on its own field', () => {
    const fields = {title: 'title', excerpt: 'excerpt', feature_text: 'featureText', image: 'image', author: 'author', permalink: 'permalink', layout: 'layout'} as const
    for (const [key, field] of Object.entries(fields)) {
      const {meta, problem} = set(key as keyof typeof knownKeys, 'v')
      assert.equal(problem, undefined, key)
      assert.equal(meta[field], 'v', key)
      assert.deepEqual({...meta, [field]: null}, emptyMeta(), key)
    }
  })

  it('should keep numbers and booleans as written, or as their text', () => {
    assert.equal(set('title', 1.1, '1.10').meta.title, '1.10')
    assert.equal(set('title', 1.1).meta.title, '1.1')
    assert.equal(set('title', true, 'true').meta.title, 'true')
    assert.equal(set('title', false).meta.title, 'false')
    assert.equal(set('title', null).meta.title, null)
  })

  it('should report a list or mapping given for a text key, and keep it in extra', () => {
    for (const value of [['a'], {a: 'b'}] as MetaValue[]) {
      const {meta, problem} = set('title', value)
      assert.equal(problem?.ruleId, 'front-matter-type')
      assert.equal(problem?.key, 'title')
      assert.equal(meta.title, null)
      assert.deepEqual(meta.extra, [['title', value]])
    }
  })

  it('should split a string of categories or tags on white space', () => {
    assert.deepEqual(set('tags', ' a  b\tc\r\nd\n').meta.tags, ['a', 'b', 'c', 'd'])
    assert.deepEqual(set('categories', 'news').meta.categories, ['news'])
    assert.deepEqual(set('tags', '').meta.tags, [])
  })

  it('should take a list of scalars, skip nulls, and turn numbers and booleans into text', () => {
    assert.deepEqual(set('tags', ['a b', 1, true, null, 'c']).meta.tags, ['a b', '1', 'true', 'c'])
    assert.deepEqual(set('categories', 2024).meta.categories, ['2024'])
    assert.deepEqual(set('categories', false).meta.categories, ['false'])
    const none = set('tags', null)
    assert.deepEqual(none.meta.tags, [])
    assert.equal(none.problem, undefined)
    assert.deepEqual(none.meta.extra, [])
    const {meta, problem} = set('tags', ['a'])
    assert.equal(problem, undefined)
    assert.deepEqual(meta.extra, [])
  })

  it('should report a mapping, or a list holding a list or mapping, and keep it in extra', () => {
    for (const value of [{a: 'b'}, ['a', ['b']], ['a', {b: 'c'}]] as MetaValue[]) {
      const {meta, problem} = set('categories', value)
      assert.equal(problem?.ruleId, 'front-matter-type')
      assert.equal(problem?.key, 'categories')
      assert.deepEqual(meta.categories, [])
      assert.deepEqual(meta.extra, [['categories', value]])
    }
  })

  it('should read the name of an author mapping and keep the mapping', () => {
    assert.equal(set('author', {display_name: 'A', name: 'B', login: 'C'}).meta.author, 'A')
    assert.equal(set('author', {name: 'B', login: 'C'}).meta.author, 'B')
    assert.equal(set('author', {login: 'C'}).meta.author, 'C')
    const {meta, problem} = set('author', {email: 'a@b.c', name: 1})
    assert.equal(problem, undefined)
    assert.equal(meta.author, null)
    assert.deepEqual(meta.extra, [['author', {email: 'a@b.c', name: 1}]])
    assert.equal(set('author', ['A']).problem?.ruleId, 'front-matter-type')
    const none = set('author', null)
    assert.equal(none.problem, undefined)
    assert.equal(none.meta.author, null)
    assert.deepEqual(none.meta.extra, [])
  })

  it('should read only the author mapping that way', () => {
    const {meta, problem} = set('title', {name: 'B'})
    assert.equal(problem?.ruleId, 'front-matter-type')
    assert.equal(meta.title, null)
  })

  it('should set the date and its ISO form, and report a date it cannot read', () => {
    const good = set('date', '2024-07-18 09:30 +0900')
    assert.equal(good.problem, undefined)
    assert.equal(good.meta.date, '2024-07-18 09:30 +0900')
    assert.equal(good.meta.dateIso, '2024-07-18T09:30:00+09:00')
    const bad = set('date', 'soon')
    assert.equal(bad.problem?.ruleId, 'front-matter-date')
    assert.equal(bad.problem?.key, 'date')
    assert.equal(bad.meta.date, 'soon')
    assert.equal(bad.meta.dateIso, null)
    const none = set('date', null)
    assert.equal(none.problem, undefined)
    assert.equal(none.meta.date, null)
    assert.equal(none.meta.dateIso, null)
    assert.equal(set('date', 2024, '2024').problem?.ruleId, 'front-matter-date')
    assert.equal(set('date', ['2024-01-01']).problem?.ruleId, 'front-matter-type')
  })
})
