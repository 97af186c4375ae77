import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import GithubSlugger from 'github-slugger'
import {catalogue, checkPost} from '../../src/index.ts'
import {repositoryUrl, ruleUrl} from '../../src/diagnostics/rule.ts'
import {projectRoot} from '../support/shared.ts'

const page = readFileSync(new URL('docs/rules.md', `file://${projectRoot}`), 'utf8')
/** The anchors GitHub gives the headings of docs/rules.md. */
function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger()
  const found = new Set<string>()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced
    const heading = /^#{1,6} (.+)$/.exec(line)
    // GitHub drops the backticks of inline code from a heading's anchor.
    if (heading && !fenced) found.add(slugger.slug(heading[1]!.replace(/`/g, '')))
  }
  return found
}

describe('docs/rules.md', () => {
  it('should have a section for every rule of the catalogue, and none for a rule that is not', () => {
    const found = anchors(page)
    for (const ruleId of Object.keys(catalogue)) assert.ok(found.has(ruleId), `docs/rules.md has no section \`${ruleId}\``)
    const sections = [...page.matchAll(/^## `([^`]+)`$/gm)].map((match) => match[1]!)
    assert.deepEqual(sections.sort(), Object.keys(catalogue).sort())
  })

  it('should give each section its rule’s note as the fix', () => {
    for (const [ruleId, rule] of Object.entries(catalogue)) {
      const section = page.slice(page.indexOf('## `' + ruleId + '`')).split(/\n## /)[0]!
      const fix = /^\*\*Fix:\*\* ([^]*?)(?:\n\n|\n?$)/m.exec(section)
      assert.ok(fix, ruleId)
      assert.equal(fix[1]!.replaceAll('\n', ' '), rule.note, ruleId)
    }
  })

  it('should give each section the default severity of its rule', () => {
    for (const [ruleId, rule] of Object.entries(catalogue)) {
      const section = page.slice(page.indexOf('## `' + ruleId + '`'))
      const level = rule.fatal === true ? 'error' : rule.fatal === false ? 'warning' : 'informational'
      assert.match(section, new RegExp('^## `' + ruleId + '`\\n\\nDefault severity: ' + level + '\\.'), ruleId)
    }
  })
})

describe('message urls', () => {
  it('should point into docs/rules.md of the repository package.json names', () => {
    const manifest = JSON.parse(readFileSync(new URL('package.json', `file://${projectRoot}`), 'utf8')) as {repository?: {url?: string}}
    assert.equal(manifest.repository?.url, 'git+' + repositoryUrl + '.git')
    assert.equal(ruleUrl('heading-empty'), repositoryUrl + '/blob/main/docs/rules.md#heading-empty')
    for (const message of checkPost('---\ntitle: [a] b\n---\n<h2></h2>\n<p><img src="a.png"></p>\n')) {
      assert.equal(message.url, ruleUrl(message.ruleId))
    }
  })
})
