import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Message} from '../../src/index.ts'
import {
  countMessages,
  filterMessages,
  formatCompact,
  formatJson,
  formatPretty,
  formatSummary,
  severity,
  type FileReport
} from '../../node/cli/format.ts'

/** A message at `line:column`–`line:endColumn`. */
function message(ruleId: string, fatal: boolean | undefined, line: number, column: number, endColumn = column + 1): Message {
  const result: Message = {
    reason: 'Problem ' + ruleId,
    line,
    column,
    place: {start: {line, column, offset: 0}, end: {line, column: endColumn, offset: 0}},
    ruleId,
    source: 'article-kit',
    note: 'Fix ' + ruleId + '.'
  }
  if (fatal !== undefined) result.fatal = fatal
  return result
}

const source = '---\ntitle: 한글\n---\n<p><img src="a.png"></p>\n'
const reports: FileReport[] = [
  {
    file: 'posts/a.md',
    source,
    messages: [message('front-matter-bad', true, 2, 8, 10), message('image-alt-missing', false, 4, 4, 21)]
  },
  {file: 'posts/b.md', source: '<p>b</p>\n', messages: [message('excerpt-mismatch', undefined, 1, 1)]},
  {file: 'posts/c.md', source: '', messages: []}
]
const shape = /^(.+):(\d+):(\d+): (error|warning|info): (.+) \[([a-z-]+)\]$/

describe('severity', () => {
  it('should map `fatal` true, false and missing to error, warning and info', () => {
    assert.equal(severity({fatal: true}), 'error')
    assert.equal(severity({fatal: false}), 'warning')
    assert.equal(severity({}), 'info')
  })
})

describe('countMessages', () => {
  it('should count each severity', () => {
    assert.deepEqual(countMessages(reports.flatMap((report) => report.messages)), {errors: 1, warnings: 1, infos: 1})
  })
})

describe('filterMessages', () => {
  const all = reports.flatMap((report) => report.messages)

  it('should keep everything by default', () => {
    assert.equal(filterMessages(all).length, 3)
  })

  it('should keep errors only with `quiet`', () => {
    assert.deepEqual(filterMessages(all, {quiet: true}).map((message) => message.ruleId), ['front-matter-bad'])
  })

  it('should drop infos with `info: false`', () => {
    assert.deepEqual(filterMessages(all, {info: false}).map((message) => message.ruleId), ['front-matter-bad', 'image-alt-missing'])
  })
})

describe('formatPretty', () => {
  const text = formatPretty(reports)
  const lines = text.split('\n')

  it('should start each message with `file:line:column: severity: reason [ruleId]`', () => {
    const headers = lines.filter((line) => shape.test(line))
    assert.deepEqual(headers, [
      'posts/a.md:2:8: error: Problem front-matter-bad [front-matter-bad]',
      'posts/a.md:4:4: warning: Problem image-alt-missing [image-alt-missing]',
      'posts/b.md:1:1: info: Problem excerpt-mismatch [excerpt-mismatch]'
    ])
  })

  it('should put a code frame and the note under each message', () => {
    const start = lines.indexOf('posts/a.md:2:8: error: Problem front-matter-bad [front-matter-bad]')
    assert.deepEqual(lines.slice(start + 1, start + 7), [
      '  1 | ---',
      '> 2 | title: 한글',
      '    |        ^^^^',
      '  3 | ---',
      '  = note: Fix front-matter-bad.',
      ''
    ])
  })

  it('should end with the summary line', () => {
    assert.equal(lines.at(-2), '✖ 3 problems (1 error, 1 warning, 1 info) in 3 files')
    assert.equal(lines.at(-1), '')
  })

  it('should leave out the frame when there is no source (an unreadable file)', () => {
    const unreadable = formatPretty([{file: 'gone.md', messages: [message('file-unreadable', true, 1, 1)]}])
    assert.equal(
      unreadable,
      'gone.md:1:1: error: Problem file-unreadable [file-unreadable]\n  = note: Fix file-unreadable.\n\n✖ 1 problem (1 error) in 1 file\n'
    )
  })

  it('should print only the summary when there are no messages', () => {
    assert.equal(formatPretty([{file: 'a.md', source: '', messages: []}]), '✔ 1 file, no problems\n')
  })

  it('should not let a reason or a file name send escape sequences to the terminal', () => {
    const hostile = {...message('x', false, 1, 1), reason: 'bad \u001B[2J title'}
    const output = formatPretty([{file: 'a\u001B]0;pwned\u0007.md', source: '\u001B[31m', messages: [hostile]}])
    assert.equal(output.includes('\u001B'), false)
    assert.ok(output.startsWith('a␛]0;pwned␇.md:1:1: warning: bad ␛[2J title [x]'))
  })

  it('should colour with ANSI escapes only when asked', () => {
    assert.equal(text.includes('\u001B['), false)
    const coloured = formatPretty(reports, {color: true})
    assert.ok(coloured.includes('\u001B[31merror:\u001B[39m'))
    assert.ok(coloured.includes('\u001B[33mwarning:\u001B[39m'))
    // Without the escapes, the coloured text is the plain text.
    assert.equal(coloured.replace(/\u001B\[\d+m/g, ''), text)
  })

  it('should pass frame options on', () => {
    const wide: FileReport = {file: 'w.md', source: 'x'.repeat(300), messages: [message('r', false, 1, 150)]}
    const frame = formatPretty([wide], {frame: {width: 40}}).split('\n')[1]!
    assert.ok(frame.length < 60)
  })
})

describe('formatCompact', () => {
  it('should print one line per message, then the summary', () => {
    assert.deepEqual(formatCompact(reports).split('\n'), [
      'posts/a.md:2:8: error: Problem front-matter-bad [front-matter-bad]',
      'posts/a.md:4:4: warning: Problem image-alt-missing [image-alt-missing]',
      'posts/b.md:1:1: info: Problem excerpt-mismatch [excerpt-mismatch]',
      '',
      '✖ 3 problems (1 error, 1 warning, 1 info) in 3 files',
      ''
    ])
  })

  it('should print only the summary when there are no messages', () => {
    assert.equal(formatCompact([{file: 'a.md', messages: []}]), '✔ 1 file, no problems\n')
  })
})

describe('formatJson', () => {
  it("should print one document in ESLint's shape, with every file and its messages", () => {
    const text = formatJson(reports, {filePath: (file) => '/site/' + file})
    assert.ok(text.endsWith('\n'))
    const counts = {suppressedMessages: [], fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: []}
    assert.deepEqual(JSON.parse(text), [
      {
        filePath: '/site/posts/a.md',
        messages: [
          {ruleId: 'front-matter-bad', severity: 2, message: 'Problem front-matter-bad', line: 2, column: 8, endLine: 2, endColumn: 10, note: 'Fix front-matter-bad.'},
          {ruleId: 'image-alt-missing', severity: 1, message: 'Problem image-alt-missing', line: 4, column: 4, endLine: 4, endColumn: 21, note: 'Fix image-alt-missing.'}
        ],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 1,
        infoCount: 0,
        ...counts
      },
      {
        filePath: '/site/posts/b.md',
        messages: [{ruleId: 'excerpt-mismatch', severity: 1, message: 'Problem excerpt-mismatch', line: 1, column: 1, endLine: 1, endColumn: 2, note: 'Fix excerpt-mismatch.'}],
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        infoCount: 1,
        ...counts
      },
      {filePath: '/site/posts/c.md', messages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, infoCount: 0, ...counts}
    ])
  })

  it("should name files as given by default, and carry a message's `url`", () => {
    const withUrl = {...message('r', false, 1, 1), url: 'https://example.com/rules#r'}
    const [result] = JSON.parse(formatJson([{file: 'a.md', messages: [withUrl]}])) as Array<{filePath: string; messages: Array<{url: string}>}>
    assert.equal(result!.filePath, 'a.md')
    assert.equal(result!.messages[0]!.url, 'https://example.com/rules#r')
  })

  it("should carry a grouped message's `count`, and no `count` on a message that stands alone", () => {
    const grouped = {...message('r', false, 1, 1), count: 3}
    const [result] = JSON.parse(formatJson([{file: 'a.md', messages: [grouped, message('s', false, 2, 1)]}])) as Array<{messages: Array<{count?: number}>}>
    assert.equal(result!.messages[0]!.count, 3)
    assert.equal('count' in result!.messages[1]!, false)
  })
})

describe('formatSummary', () => {
  it('should count problems by severity', () => {
    assert.equal(formatSummary(reports), '✖ 3 problems (1 error, 1 warning, 1 info) in 3 files')
  })

  it('should leave out the severities with no message (no `0 infos`)', () => {
    const two = [message('r', true, 1, 1), message('s', true, 2, 1)]
    assert.equal(formatSummary([{file: 'a.md', messages: two}]), '✖ 2 problems (2 errors) in 1 file')
    assert.equal(formatSummary([{file: 'a.md', messages: [message('r', undefined, 1, 1)]}]), '✖ 1 problem (1 info) in 1 file')
  })

  it('should use the singular for one', () => {
    assert.equal(
      formatSummary([{file: 'a.md', messages: [message('r', false, 1, 1)]}]),
      '✖ 1 problem (1 warning) in 1 file'
    )
  })

  it('should say when there are no problems', () => {
    assert.equal(formatSummary([{file: 'a.md', messages: []}, {file: 'b.md', messages: []}]), '✔ 2 files, no problems')
  })

  it('should mention hidden messages', () => {
    assert.equal(
      formatSummary([{file: 'a.md', messages: []}], {hidden: {errors: 0, warnings: 12, infos: 1}}),
      '✔ 1 file, no problems (12 warnings, 1 info hidden)'
    )
    assert.equal(formatSummary([{file: 'a.md', messages: []}], {hidden: {errors: 0, warnings: 0, infos: 0}}), '✔ 1 file, no problems')
  })
})
