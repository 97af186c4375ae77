import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parseConfig} from '../../node/cli/config.ts'

describe('parseConfig', () => {
  it('should read `allowEmbedHosts`, and an empty object', () => {
    assert.deepEqual(parseConfig('{"allowEmbedHosts": ["a.example", "b.example"]}', 'c.json'), {
      ok: true,
      config: {allowEmbedHosts: ['a.example', 'b.example']}
    })
    assert.deepEqual(parseConfig('{}', 'c.json'), {ok: true, config: {}})
  })

  it('should refuse an unknown option, naming it and the known ones', () => {
    assert.deepEqual(parseConfig('{"rule": {"image-alt-missing": "off"}}', 'article-kit.config.json'), {
      ok: false,
      reason: 'Unknown option `rule` in `article-kit.config.json` (known: allowEmbedHosts, frontMatter, rules)'
    })
  })

  it('should read `frontMatter`, `"required"` or `"optional"` only', () => {
    assert.deepEqual(parseConfig('{"frontMatter": "optional"}', 'c.json'), {ok: true, config: {frontMatter: 'optional'}})
    assert.deepEqual(parseConfig('{"frontMatter": "required"}', 'c.json'), {ok: true, config: {frontMatter: 'required'}})
    for (const value of ['"off"', 'false', 'null']) {
      assert.deepEqual(parseConfig('{"frontMatter": ' + value + '}', 'c.json'), {ok: false, reason: 'Expected `"required"` or `"optional"` for `frontMatter` in `c.json`'}, value)
    }
  })

  it('should read `rules`: severities by rule id, as ESLint writes them', () => {
    const text = '{"rules": {"sanitized-style": "off", "image-alt-missing": "error", "heading-order": 1, "body-empty": 0}}'
    assert.deepEqual(parseConfig(text, 'c.json'), {
      ok: true,
      config: {rules: {'sanitized-style': 'off', 'image-alt-missing': 'error', 'heading-order': 1, 'body-empty': 0}}
    })
  })

  it('should refuse `rules` that name an unknown rule or severity, or are not an object', () => {
    assert.deepEqual(parseConfig('{"rules": {"image-alt": "off"}}', 'c.json'), {ok: false, reason: 'Unknown rule `image-alt` in `rules` in `c.json`'})
    assert.deepEqual(parseConfig('{"rules": {"image-alt-missing": "warning"}}', 'c.json'), {
      ok: false,
      reason: 'Expected "off", "warn", "error", 0, 1 or 2 for `image-alt-missing` in `rules` in `c.json`, not `"warning"`'
    })
    for (const value of ['[]', '"off"', 'null']) {
      assert.deepEqual(parseConfig('{"rules": ' + value + '}', 'c.json'), {ok: false, reason: 'Expected an object of rule ids and severities for `rules` in `c.json`'}, value)
    }
    assert.equal(parseConfig('{"rules": {"__proto__": "off"}}', 'c.json').ok, false)
  })

  it('should refuse hosts that are not an array of strings', () => {
    for (const value of ['"a.example"', '[1]', 'null']) {
      const result = parseConfig('{"allowEmbedHosts": ' + value + '}', 'c.json')
      assert.deepEqual(result, {ok: false, reason: 'Expected an array of host names for `allowEmbedHosts` in `c.json`'}, value)
    }
  })

  it('should refuse text that is not a JSON object', () => {
    for (const text of ['[]', '"x"', 'null', '1']) {
      assert.deepEqual(parseConfig(text, 'c.json'), {ok: false, reason: 'Expected an object in `c.json`'}, text)
    }
    const broken = parseConfig('{"allowEmbedHosts": [', 'c.json')
    assert.equal(broken.ok, false)
    assert.match((broken as {reason: string}).reason, /^Cannot read `c\.json` as JSON: /)
  })

  it('should keep `__proto__` from setting anything', () => {
    const result = parseConfig('{"__proto__": {"allowEmbedHosts": ["x"]}}', 'c.json')
    assert.equal(result.ok, false)
  })
})
