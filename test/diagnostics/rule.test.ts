import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import {repositoryUrl, ruleUrl} from '../../src/diagnostics/rule.ts'

// package.json's `repository`, read here (not through docs/, which mutation runs leave out of their sandbox).
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {repository: {url: string}}

describe('ruleUrl', () => {
  it('should name the repository package.json names', () => {
    assert.equal('git+' + repositoryUrl + '.git', manifest.repository.url)
  })

  it('should point at the rule’s section of docs/rules.md on the main branch', () => {
    const base = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')
    for (const ruleId of ['heading-empty', 'front-matter-yaml']) {
      const url = new URL(ruleUrl(ruleId))
      assert.equal(url.origin + url.pathname, base + '/blob/main/docs/rules.md')
      assert.equal(url.hash, '#' + ruleId)
    }
  })
})
