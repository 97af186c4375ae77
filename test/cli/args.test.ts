import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {helpText, parseArguments} from '../../node/cli/args.ts'

describe('parseArguments', () => {
  it('should read `check` with its defaults', () => {
    assert.deepEqual(parseArguments(['check', 'a.md', 'posts/*.md']), {
      kind: 'check',
      patterns: ['a.md', 'posts/*.md'],
      format: 'pretty',
      maxWarnings: undefined,
      quiet: false,
      info: true,
      color: undefined,
      outputFile: undefined,
      config: undefined,
      frontMatter: undefined
    })
  })

  it('should read every option, in any place', () => {
    assert.deepEqual(parseArguments(['--format', 'json', 'check', '-q', 'a.md', '--max-warnings=3', '--no-info']), {
      kind: 'check',
      patterns: ['a.md'],
      format: 'json',
      maxWarnings: 3,
      quiet: true,
      info: false,
      color: undefined,
      outputFile: undefined,
      config: undefined,
      frontMatter: undefined
    })
    assert.equal((parseArguments(['check', '-f', 'compact', 'a.md']) as {format: string}).format, 'compact')
  })

  it('should read `--output-file`/`-o` and `--config`/`-c`', () => {
    const command = parseArguments(['check', '-o', 'report.json', '--config', 'ak.json', 'a.md']) as {outputFile: string; config: string}
    assert.equal(command.outputFile, 'report.json')
    assert.equal(command.config, 'ak.json')
    assert.equal((parseArguments(['check', '--output-file=r.txt', '-c', 'c.json', 'a.md']) as {outputFile: string}).outputFile, 'r.txt')
    assert.deepEqual(parseArguments(['check', '--output-file=', 'a.md']), {kind: 'usage', reason: 'Expected a file name for `--output-file`'})
    assert.equal(parseArguments(['check', 'a.md', '--config']).kind, 'usage')
  })

  it('should read `--front-matter required|optional`, and refuse anything else', () => {
    assert.equal((parseArguments(['check', '--front-matter', 'optional', 'a.md']) as {frontMatter: string}).frontMatter, 'optional')
    assert.equal((parseArguments(['check', '--front-matter=required', 'a.md']) as {frontMatter: string}).frontMatter, 'required')
    assert.deepEqual(parseArguments(['check', '--front-matter', 'off', 'a.md']), {kind: 'usage', reason: 'Expected `required` or `optional` for `--front-matter`, not `off`'})
  })

  it('should read `--color` and `--no-color`, the last one winning', () => {
    const color = (argv: string[]) => (parseArguments(['check', ...argv, 'a.md']) as {color: boolean | undefined}).color
    assert.equal(color([]), undefined)
    assert.equal(color(['--color']), true)
    assert.equal(color(['--no-color']), false)
    assert.equal(color(['--color', '--no-color']), false)
    assert.equal(color(['--no-color', '--color']), true)
    assert.equal(parseArguments(['check', '--color=always', 'a.md']).kind, 'usage')
  })

  it('should take `-` as a file (standard input) and anything after `--` as files', () => {
    assert.deepEqual((parseArguments(['check', '-', '--', '--weird.md']) as {patterns: string[]}).patterns, ['-', '--weird.md'])
  })

  it('should accept `--max-warnings 0`', () => {
    assert.equal((parseArguments(['check', '--max-warnings', '0', 'a.md']) as {maxWarnings: number}).maxWarnings, 0)
  })

  it('should ask for help with `--help`, `-h` or `help`, before anything else', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['check', '--help'], ['check', '--format', 'xml', '--help']]) {
      assert.deepEqual(parseArguments(argv), {kind: 'help'}, argv.join(' '))
    }
  })

  it('should ask for the version with `--version` or `-v`', () => {
    assert.deepEqual(parseArguments(['--version']), {kind: 'version'})
    assert.deepEqual(parseArguments(['-v']), {kind: 'version'})
  })

  it('should reject an unknown option', () => {
    const command = parseArguments(['check', '--frobnicate', 'a.md'])
    assert.equal(command.kind, 'usage')
    assert.match((command as {reason: string}).reason, /--frobnicate/)
  })

  it('should reject an option without its value', () => {
    const command = parseArguments(['check', 'a.md', '--format'])
    assert.equal(command.kind, 'usage')
    assert.match((command as {reason: string}).reason, /--format/)
  })

  it('should reject a missing or unknown command', () => {
    assert.match(reason([]), /Missing a command/)
    assert.match(reason(['a.md']), /Unknown command `a\.md` \(try `article-kit check a\.md`\)/)
  })

  it('should reject `check` without files', () => {
    assert.match(reason(['check']), /Missing files/)
  })

  it('should reject an unknown format', () => {
    assert.match(reason(['check', '--format', 'xml', 'a.md']), /Unknown format `xml` \(expected one of: pretty, compact, json\)/)
  })

  it('should reject a `--max-warnings` that is not a whole number', () => {
    for (const value of ['-1', '1.5', 'ten', '']) {
      assert.match(reason(['check', '--max-warnings=' + value, 'a.md']), /--max-warnings/, value)
    }
  })
})

describe('helpText', () => {
  it('should name the command and every option', () => {
    for (const word of ['article-kit check', '--format', '--max-warnings', '--quiet', '--no-info', '--help', '--version']) {
      assert.ok(helpText.includes(word), word)
    }
  })
})

function reason(argv: string[]): string {
  const command = parseArguments(argv)
  assert.equal(command.kind, 'usage')
  return (command as {reason: string}).reason
}
