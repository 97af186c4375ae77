import fc from 'fast-check'

/** A mutation of a post: what editors, migrations and bad generators do to real files. */
export type Mutation = (raw: string) => string

const flip = fc.record({at: fc.nat(), code: fc.integer({min: 0, max: 0xff_ff})}).map(
  ({at, code}): Mutation =>
    (raw) => {
      const index = raw.length === 0 ? 0 : at % raw.length
      return raw.slice(0, index) + String.fromCharCode(code) + raw.slice(index + 1)
    }
)

const truncate = fc.nat().map((at): Mutation => (raw) => raw.slice(0, raw.length === 0 ? 0 : at % raw.length))

const insert = fc
  .record({at: fc.nat(), text: fc.constantFrom('---\n', '...\n', '<', '>', '"', "'", '</p>', '<p>', '<h2>', '</div>', '<table>', '<!--', '-->', '<![CDATA[', '&', '&#0;', '\r', '\u0000', '\ud800', ': [', '\n- ', '<script>', '<svg>', '<template>', '<body onload=x>')})
  .map(({at, text}): Mutation => (raw) => {
    const index = raw.length === 0 ? 0 : at % (raw.length + 1)
    return raw.slice(0, index) + text + raw.slice(index)
  })

const shuffleTags = fc.record({a: fc.nat(), b: fc.nat()}).map(
  ({a, b}): Mutation =>
    (raw) => {
      const tags = [...raw.matchAll(/<[^<>]*>/g)]
      if (tags.length < 2) return raw
      const first = tags[a % tags.length]!
      const second = tags[b % tags.length]!
      if (first.index === second.index) return raw
      const [x, y] = first.index! < second.index! ? [first, second] : [second, first]
      return raw.slice(0, x.index) + y[0] + raw.slice(x.index! + x[0].length, y.index) + x[0] + raw.slice(y.index! + y[0].length)
    }
)

const duplicateFences = fc.constant((raw: string) => raw.replace(/^---$/m, '---\n---'))

/** One to five mutations in a row. */
export const mutations: fc.Arbitrary<Mutation> = fc
  .array(fc.oneof(flip, truncate, insert, shuffleTags, duplicateFences), {minLength: 1, maxLength: 5})
  .map((steps) => (raw) => steps.reduce((value, step) => step(value), raw))
