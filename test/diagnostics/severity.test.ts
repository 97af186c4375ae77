import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {ArticleError, catalogue, checkPost, parsePost, type RuleId, type Rules} from '../../src/index.ts'
import {applyRules, readRules} from '../../src/diagnostics/severity.ts'

/** A post with a warning (`image-alt-missing`), a warning (`sanitized-style`) and an info message (`excerpt-mismatch`). */
const post = '---\ntitle: Hi\nexcerpt: one\nfeature_text: two\n---\n<p><img src="a.png"></p>\n<p style="position: fixed">a</p>\n'
const ruleIds = (messages: Array<{ruleId: string; fatal?: boolean | undefined}>) => messages.map((message) => [message.ruleId, message.fatal])

describe('rules', () => {
  it('should keep the default severities without rules', () => {
    assert.deepEqual(ruleIds(parsePost(post).messages), [['excerpt-mismatch', undefined], ['image-alt-missing', false], ['sanitized-style', false]])
    assert.deepEqual(parsePost(post, {rules: {}}).messages, parsePost(post).messages)
    assert.deepEqual(parsePost(post, {rules: null}).messages, parsePost(post).messages)
  })

  it('should turn a rule off, make it a warning or an error, by name or by number', () => {
    const rules: Rules = {'sanitized-style': 'off', 'image-alt-missing': 'error', 'excerpt-mismatch': 'warn'}
    assert.deepEqual(ruleIds(parsePost(post, {rules}).messages), [['excerpt-mismatch', false], ['image-alt-missing', true]])
    assert.deepEqual(ruleIds(parsePost(post, {rules: {'sanitized-style': 0, 'image-alt-missing': 2, 'excerpt-mismatch': 1}}).messages), [['excerpt-mismatch', false], ['image-alt-missing', true]])
    assert.deepEqual(ruleIds(checkPost(post, {rules})), [['excerpt-mismatch', false], ['image-alt-missing', true]])
  })

  it('should keep the default of a rule set to null or undefined', () => {
    assert.deepEqual(ruleIds(parsePost(post, {rules: {'image-alt-missing': null, 'sanitized-style': undefined}}).messages), ruleIds(parsePost(post).messages))
  })

  it('should throw with `strict: true` at the first message at error severity, and only then', () => {
    assert.doesNotThrow(() => parsePost(post, {strict: true}))
    assert.throws(
      () => parsePost(post, {strict: true, rules: {'image-alt-missing': 'error'}}),
      (error: unknown) => error instanceof ArticleError && error.ruleId === 'image-alt-missing' && error.line === 6 && error.messages.every((message) => message.ruleId !== 'x')
    )
    // A sanitised body is read from its rewrite: its messages are checked too.
    assert.throws(() => parsePost(post, {strict: true, rules: {'sanitized-style': 'error'}}), (error: unknown) => error instanceof ArticleError && error.ruleId === 'sanitized-style')
  })

  it('should throw a YAML syntax error with `strict: true` even when the values were recovered, unless it is made a warning', () => {
    const broken = '---\ntitle: [속보] 뉴스\ntags: a\n---\n<p>a</p>\n'
    assert.equal(parsePost(broken).meta.title, '[속보] 뉴스')
    assert.throws(
      () => parsePost(broken, {strict: true}),
      (error: unknown) => error instanceof ArticleError && error.ruleId === 'front-matter-yaml' && error.line === 2 && error.cause instanceof Error
    )
    const warned = parsePost(broken, {strict: true, rules: {'front-matter-yaml': 'warn'}})
    assert.deepEqual(ruleIds(warned.messages), [['front-matter-yaml', false]])
    assert.deepEqual(parsePost(broken, {strict: true, rules: {'front-matter-yaml': 'off'}}).messages, [])
  })

  it('should not give the front matter’s dependency error as the cause of another rule’s error', () => {
    const broken = '---\ntitle: [속보] 뉴스\n---\n<p><img src="a.png"></p>\n'
    assert.throws(
      () => parsePost(broken, {strict: true, rules: {'front-matter-yaml': 'warn', 'image-alt-missing': 'error'}}),
      (error: unknown) => error instanceof ArticleError && error.ruleId === 'image-alt-missing' && error.cause === undefined
    )
  })

  it('should throw a TypeError for an unknown rule id or severity, or rules that are not an object', () => {
    // @ts-expect-error: check how an unknown rule id is handled.
    assert.throws(() => parsePost(post, {rules: {'image-alt': 'off'}}), (error: unknown) => error instanceof TypeError && /`image-alt`/.test(error.message))
    // @ts-expect-error: check how an unknown severity is handled.
    assert.throws(() => parsePost(post, {rules: {'image-alt-missing': 'warning'}}), (error: unknown) => error instanceof TypeError && /`image-alt-missing`/.test(error.message))
    for (const rules of ['off', [], 1]) {
      // Cast: check how rules that are not an object are handled.
      assert.throws(() => parsePost(post, {rules: rules as unknown as Rules}), TypeError)
    }
    // Whatever the post: a mistake in `rules` does not wait for a post that triggers the rule.
    // @ts-expect-error: check how an unknown rule id is handled.
    assert.throws(() => checkPost('', {rules: {nope: 'off'}}), TypeError)
    // A `__proto__` key (from JSON) is no rule either.
    assert.throws(() => parsePost(post, {rules: JSON.parse('{"__proto__": "off"}') as Rules}), TypeError)
  })

  it('should never throw anything but ArticleError, and only with `strict: true`, whatever valid rules say', () => {
    const ids = Object.keys(catalogue) as RuleId[]
    const severity = fc.constantFrom('off', 'warn', 'error', 0, 1, 2, null, undefined)
    const rules = fc.dictionary(fc.constantFrom(...ids), severity, {maxKeys: ids.length}) as fc.Arbitrary<Rules>
    const piece = fc.constantFrom('---\n', 'title: [a] b\n', 'title: "x\n', 'a: 1\na: 2\n', 'date: soon\n', '<p>', '<img src=x>', '<h3>x</h3>', '<script>', '<p style="position:fixed">a</p>', '<iframe src="https://evil.example"></iframe>', 'text', '\n', '<!-- x -->')
    const raw = fc.oneof(fc.string({maxLength: 200}), fc.array(piece, {maxLength: 30}).map((pieces) => pieces.join('')))
    fc.assert(
      fc.property(raw, rules, fc.boolean(), (text, rules, strict) => {
        let article
        try {
          article = parsePost(text, {rules, strict})
        } catch (error) {
          assert.ok(strict, `threw without strict: ${String(error)}`)
          assert.ok(error instanceof ArticleError, `threw ${String(error)}`)
          assert.notEqual(rules[error.ruleId as RuleId], 'off')
          return
        }
        const lenient = parsePost(text)
        const expected = applyRules(lenient.messages, readRules(rules))
        assert.deepEqual(article.messages, expected)
        for (const message of article.messages) {
          const level = rules[message.ruleId as RuleId]
          assert.notEqual(level, 'off')
          assert.notEqual(level, 0)
          if (level === 'error' || level === 2) assert.equal(message.fatal, true)
          if (level === 'warn' || level === 1) assert.equal(message.fatal, false)
        }
        if (strict) assert.ok(article.messages.every((message) => message.fatal !== true))
      }),
      {seed: Number(process.env['FUZZ_SEED'] ?? 1919), numRuns: Number(process.env['FUZZ_RUNS'] ?? 300)}
    )
  })
})

describe('applyRules', () => {
  it('should say in the TypeError what the rules were instead of an object', () => {
    assert.throws(() => readRules([]), {name: 'TypeError', message: 'Expected `rules` to be an object of rule ids and severities, not an array'})
    assert.throws(() => readRules('off'), {name: 'TypeError', message: 'Expected `rules` to be an object of rule ids and severities, not string'})
  })

  it('should leave a rule that `rules` does not name as it is, fatal or not, and give back the same object when nothing changes', () => {
    const messages = parsePost('---\ntitle: "open\n---\n<p><img src="a.png"></p>\n').messages
    const yaml = messages.find((message) => message.ruleId === 'front-matter-yaml')!
    const alt = messages.find((message) => message.ruleId === 'image-alt-missing')!
    assert.equal(yaml.fatal, true)
    // A rule set to the level it already has: the message itself, not a copy.
    const same = applyRules(messages, readRules({'image-alt-missing': 'warn'}))
    assert.equal(same.find((message) => message.ruleId === 'front-matter-yaml'), yaml)
    assert.equal(same.find((message) => message.ruleId === 'image-alt-missing'), alt)
    // Another rule set: this one keeps its own severity, and an info message (no `fatal`) stays one.
    const info = {...alt, ruleId: 'excerpt-mismatch', fatal: undefined}
    const other = applyRules([yaml, info], readRules({'sanitized-style': 'error'}))
    assert.deepEqual(other, [yaml, info])
    assert.equal(other[0], yaml)
    assert.equal(other[1], info)
  })

  it('should leave the messages given unchanged', () => {
    const messages = parsePost(post).messages
    const copy = structuredClone(messages)
    applyRules(messages, readRules({'image-alt-missing': 'error', 'sanitized-style': 'off'}))
    assert.deepEqual(messages, copy)
  })
})
