import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {after, before, describe, it} from 'node:test'
import {corpusFolder, postFilesIn} from '../support/shared.ts'

/**
 * The `article-kit` command, run as a child process exactly as a user would
 * (the built bin, as users run it: `npm test` builds first), on temporary files.
 */

const root = fileURLToPath(new URL('../../', import.meta.url))
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version
const shape = /^(.+):(\d+):(\d+): (error|warning|info): (.+) \[([a-z-]+)\]$/
const summary = /^(✖ \d+ problems? \((?:[1-9]\d* (?:errors?|warnings?|infos?)(?:, |(?=\)))){1,3}\) in \d+ files?|✔ \d+ files?, no problems)/

const posts = {
  clean: '---\ntitle: Hi\n---\n<h2>One</h2>\n<p>a</p>\n',
  warning: '---\ntitle: 안녕\n---\n\t<p><img src="a.png"></p>\n',
  fatal: '---\ntitle: x\n<p>a</p>\n',
  info: '---\ntitle: Hi\nexcerpt: apples\nfeature_text: oranges\n---\n<p>a</p>\n'
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Run the command; resolves when it exits (tests run side by side, so do not block).
 * `NO_COLOR` is set and `FORCE_COLOR` unset unless `env` says otherwise (`undefined` unsets).
 */
function run(args: string[], input?: string, options: {cwd?: string; env?: Record<string, string | undefined>} = {}): Promise<Run> {
  const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
  delete environment['FORCE_COLOR']
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete environment[key]
    else environment[key] = value
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist/cli/index.js'), ...args], {cwd: options.cwd ?? root, env: environment})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
    child.stdin.end(input ?? '')
  })
}

/** The `file:line:column: severity: reason [ruleId]` lines of an output. */
function headers(stdout: string): RegExpExecArray[] {
  return stdout
    .split('\n')
    .map((line) => shape.exec(line))
    .filter((match) => match !== null)
}

function assertNoStackTrace(result: Run): void {
  assert.doesNotMatch(result.stderr + result.stdout, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace')
}

describe('article-kit', {concurrency: 4}, () => {
  let folder = ''
  const file = (name: keyof typeof posts) => path.join(folder, name + '.md')

  before(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'article-kit-cli-'))
    for (const [name, text] of Object.entries(posts)) await writeFile(path.join(folder, name + '.md'), text)
    await mkdir(path.join(folder, 'corpus'))
    for (const [name, text] of Object.entries(posts)) await writeFile(path.join(folder, 'corpus', name + '.html'), text)
  })

  after(async () => {
    await rm(folder, {recursive: true, force: true})
  })

  it('should exit 0 and print a summary for a clean post', async () => {
    const result = await run(['check', file('clean')])
    assert.equal(result.code, 0)
    assert.equal(result.stdout, '✔ 1 file, no problems\n')
    assert.equal(result.stderr, '')
  })

  it('should print warnings like a compiler, with a code frame, and exit 0', async () => {
    const result = await run(['check', file('warning')])
    assert.equal(result.code, 0)
    const [header] = headers(result.stdout)
    assert.ok(header, result.stdout)
    assert.deepEqual(header.slice(1, 5), [file('warning'), '4', '5', 'warning'])
    assert.equal(header[6], 'image-alt-missing')
    // The tab is expanded in the line and under it: the caret sits under `<img` (column 5, cell 7).
    const lines = result.stdout.split('\n')
    const marked = lines.findIndex((line) => line.startsWith('> 4 |'))
    assert.equal(lines[marked], '> 4 |     <p><img src="a.png"></p>')
    assert.equal(lines[marked + 1]!.indexOf('^'), lines[marked]!.indexOf('<img'))
    assert.equal(lines.at(-2), '✖ 1 problem (1 warning) in 1 file')
  })

  it('should exit 1 when a message is fatal', async () => {
    const result = await run(['check', file('fatal'), file('clean')])
    assert.equal(result.code, 1)
    assert.deepEqual(
      headers(result.stdout).map((match) => [match[1], match[4], match[6]]),
      [[file('fatal'), 'error', 'front-matter-unclosed']]
    )
    assert.match(result.stdout, /✖ 1 problem \(1 error\) in 2 files\n$/)
  })

  it('should read standard input for `-`, named `<stdin>`', async () => {
    const result = await run(['check', '-'], posts.fatal)
    assert.equal(result.code, 1)
    assert.equal(headers(result.stdout)[0]?.[1], '<stdin>')
    const clean = await run(['check', '-'], posts.clean)
    assert.equal(clean.code, 0)
    assert.equal(clean.stdout, '✔ 1 file, no problems\n')
  })

  it("should print one JSON document in ESLint's shape with `--format json`", async () => {
    const result = await run(['check', '--format', 'json', file('warning'), file('clean'), file('info'), file('fatal')])
    assert.equal(result.code, 1)
    const document = JSON.parse(result.stdout) as Array<{filePath: string; messages: Array<Record<string, unknown>>} & Record<string, unknown>>
    assert.deepEqual(
      document.map((entry) => [entry.filePath, entry.messages.map((message) => [message['ruleId'], message['severity']])]),
      [
        [file('warning'), [['image-alt-missing', 1]]],
        [file('clean'), []],
        [file('info'), [['excerpt-mismatch', 1]]],
        [file('fatal'), [['front-matter-unclosed', 2]]]
      ]
    )
    assert.deepEqual(
      document.map((entry) => [entry['errorCount'], entry['fatalErrorCount'], entry['warningCount'], entry['infoCount']]),
      [
        [0, 0, 1, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 1],
        [1, 1, 0, 0]
      ]
    )
    const message = document[0]!.messages[0]!
    // The message spans the whole `<img …>` tag.
    assert.deepEqual(
      {line: message['line'], column: message['column'], endLine: message['endLine'], endColumn: message['endColumn']},
      {line: 4, column: 5, endLine: 4, endColumn: 22}
    )
    assert.match(String(message['message']), /alt/)
  })

  it('should give absolute paths in JSON, as ESLint does, and `<stdin>` for standard input', async () => {
    const result = await run(['check', '--format', 'json', path.relative(root, file('clean')), '-'], posts.clean)
    const document = JSON.parse(result.stdout) as Array<{filePath: string}>
    assert.deepEqual(
      document.map((entry) => entry.filePath),
      [file('clean'), '<stdin>']
    )
  })

  it('should write the report to `--output-file`, creating its folder, without colour', async () => {
    const output = path.join(folder, 'reports', 'nested', 'check.txt')
    const result = await run(['check', '-o', output, file('warning')], undefined, {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}})
    assert.equal(result.code, 0)
    assert.equal(result.stdout, '')
    const report = readFileSync(output, 'utf8')
    assert.match(report, /image-alt-missing/)
    assert.match(report, /✖ 1 problem \(1 warning\) in 1 file\n$/)
    assert.doesNotMatch(report, /\u001B\[/)
  })

  it('should exit 2 when `--output-file` cannot be written', async () => {
    const result = await run(['check', '--output-file', path.join(file('clean'), 'report.txt'), file('clean')])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /Cannot write/)
    assertNoStackTrace(result)
  })

  it('should colour with `--color` or FORCE_COLOR, and not with `--no-color` or NO_COLOR', async () => {
    const escape = /\u001B\[/
    assert.match((await run(['check', '--color', file('warning')])).stdout, escape, '--color beats NO_COLOR')
    assert.match((await run(['check', file('warning')], undefined, {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}})).stdout, escape, 'FORCE_COLOR')
    const forced = {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}}
    assert.doesNotMatch((await run(['check', '--no-color', file('warning')], undefined, forced)).stdout, escape, '--no-color beats FORCE_COLOR')
    assert.doesNotMatch((await run(['check', '--color', '--no-color', file('warning')], undefined, forced)).stdout, escape, 'the last flag wins')
    assert.doesNotMatch((await run(['check', file('warning')])).stdout, escape, 'NO_COLOR')
  })

  it('should read `allowEmbedHosts` from article-kit.config.json in the current folder, or from `--config`', async () => {
    const project = await mkdtemp(path.join(folder, 'project-'))
    const post = '---\ntitle: Hi\n---\n<iframe src="https://player.example.com/v/1"></iframe>\n<p>a</p>\n'
    await writeFile(path.join(project, 'post.md'), post)
    const removed = /Removed an `<iframe>` from `player.example.com`/
    assert.match((await run(['check', 'post.md'], undefined, {cwd: project})).stdout, removed, 'no configuration')

    await writeFile(path.join(project, 'article-kit.config.json'), '{"allowEmbedHosts": ["player.example.com"]}\n')
    const configured = await run(['check', 'post.md'], undefined, {cwd: project})
    assert.equal(configured.code, 0)
    assert.doesNotMatch(configured.stdout, removed)
    assert.match(configured.stdout, /Added `sandbox` to the `<iframe>` from `player.example.com`/)

    await writeFile(path.join(project, 'other.json'), '{"allowEmbedHosts": []}\n')
    assert.match((await run(['check', '--config', 'other.json', 'post.md'], undefined, {cwd: project})).stdout, removed, '--config wins')
  })

  it('should leave out `front-matter-missing` with `frontMatter: "optional"` in the configuration file or `--front-matter optional`', async () => {
    const project = await mkdtemp(path.join(folder, 'project-'))
    await writeFile(path.join(project, 'post.html'), '<h1>Title</h1>\n<p>a</p>\n')
    const missing = /\[front-matter-missing\]/
    assert.match((await run(['check', 'post.html'], undefined, {cwd: project})).stdout, missing, 'required by default')
    const flag = await run(['check', '--front-matter', 'optional', 'post.html'], undefined, {cwd: project})
    assert.equal(flag.code, 0)
    assert.doesNotMatch(flag.stdout, missing)
    await writeFile(path.join(project, 'article-kit.config.json'), '{"frontMatter": "optional"}\n')
    assert.doesNotMatch((await run(['check', 'post.html'], undefined, {cwd: project})).stdout, missing, 'configuration file')
    assert.match((await run(['check', '--front-matter', 'required', 'post.html'], undefined, {cwd: project})).stdout, missing, 'the flag wins')
  })

  it('should take the severity of each rule from `rules` in the configuration file', async () => {
    const project = await mkdtemp(path.join(folder, 'project-'))
    await writeFile(path.join(project, 'post.md'), '---\ntitle: Hi\n---\n<p><img src="a.png"></p>\n<p style="position: fixed">a</p>\n')
    const plain = await run(['check', '--format', 'json', 'post.md'], undefined, {cwd: project})
    const ruleIds = (result: {stdout: string}) =>
      (JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string; severity: number}>}>)[0]!.messages.map((message) => [message.ruleId, message.severity])
    assert.equal(plain.code, 0)
    assert.deepEqual(ruleIds(plain), [['image-alt-missing', 1], ['sanitized-style', 1]])

    await writeFile(path.join(project, 'article-kit.config.json'), '{"rules": {"sanitized-style": "off", "image-alt-missing": "error"}}\n')
    const configured = await run(['check', '--format', 'json', 'post.md'], undefined, {cwd: project})
    assert.equal(configured.code, 1)
    assert.deepEqual(ruleIds(configured), [['image-alt-missing', 2]])
  })

  it('should exit 2 with a clear message for a bad or missing configuration file', async () => {
    const project = await mkdtemp(path.join(folder, 'project-'))
    await writeFile(path.join(project, 'article-kit.config.json'), '{"rules": {"no-such-rule": "off"}}\n')
    const unknown = await run(['check', file('clean')], undefined, {cwd: project})
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /Unknown rule `no-such-rule` in `rules` in `article-kit\.config\.json`/)
    const missing = await run(['check', '--config', 'nope.json', file('clean')], undefined, {cwd: project})
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /Cannot read `nope\.json`: no such file/)
    assertNoStackTrace(unknown)
    assertNoStackTrace(missing)
  })

  it('should print one line per message with `--format compact`', async () => {
    const result = await run(['check', '--format=compact', file('warning'), file('fatal'), file('info')])
    assert.equal(result.code, 1)
    const lines = result.stdout.trimEnd().split('\n')
    assert.equal(lines.length, 3 + 2)
    assert.deepEqual(
      lines.slice(0, 3).map((line) => shape.exec(line)?.[4]),
      ['warning', 'error', 'info']
    )
    assert.match(lines.at(-1)!, summary)
  })

  it('should exit 1 when warnings exceed `--max-warnings`', async () => {
    const over = await run(['check', '--max-warnings', '0', file('warning')])
    assert.equal(over.code, 1)
    assert.match(over.stderr, /too many warnings \(1, maximum: 0\)/)
    const within = await run(['check', '--max-warnings', '1', file('warning')])
    assert.equal(within.code, 0)
    assert.equal(within.stderr, '')
  })

  it('should show errors only with `--quiet`, and say what it hid', async () => {
    const result = await run(['check', '--quiet', file('warning'), file('info'), file('fatal')])
    assert.equal(result.code, 1)
    assert.deepEqual(headers(result.stdout).map((match) => match[4]), ['error'])
    assert.match(result.stdout, /\(1 warning, 1 info hidden\)\n$/)
  })

  it('should hide infos with `--no-info`', async () => {
    const result = await run(['check', '--no-info', '--format', 'compact', file('info'), file('warning')])
    assert.equal(result.code, 0)
    assert.deepEqual(headers(result.stdout).map((match) => match[4]), ['warning'])
  })

  it('should expand globs itself', async () => {
    const result = await run(['check', '--format', 'json', path.join(folder, 'corpus', '*.{html,md}')])
    const document = JSON.parse(result.stdout) as Array<{filePath: string}>
    assert.deepEqual(
      document.map((entry) => path.basename(entry.filePath)),
      ['clean.html', 'fatal.html', 'info.html', 'warning.html']
    )
    assert.equal(result.code, 1)
  })

  it('should report a file that cannot be read, check the rest, and exit 1', async () => {
    const missing = path.join(folder, 'missing.md')
    const result = await run(['check', missing, file('clean')])
    assert.equal(result.code, 1)
    assertNoStackTrace(result)
    assert.deepEqual(
      headers(result.stdout).map((match) => [match[1], match[4], match[6]]),
      [[missing, 'error', 'file-unreadable']]
    )
    assert.match(result.stdout, /Cannot read file: no such file/)
    assert.match(result.stdout, /in 2 files\n$/)
  })

  it('should check the posts in a folder and below it, as ESLint does', async () => {
    const result = await run(['check', '--format', 'json', path.join(folder, 'corpus') + path.sep, file('clean')])
    assertNoStackTrace(result)
    const reports = JSON.parse(result.stdout) as Array<{filePath: string}>
    const names = reports.map((report) => path.relative(folder, report.filePath)).sort()
    assert.deepEqual(names, [...Object.keys(posts).map((name) => path.join('corpus', name + '.html')), 'clean.md'].sort())
  })

  it('should exit 2 with a clear message, given once, when no files match', async () => {
    const pattern = path.join(folder, 'nothing', '**', '*.md')
    const result = await run(['check', pattern, pattern])
    assert.equal(result.code, 2)
    assert.equal(result.stdout, '')
    assert.equal(result.stderr, 'article-kit: No files match `' + pattern + '`\nRun `article-kit --help` for usage.\n')
    assertNoStackTrace(result)
  })

  it('should warn once about a glob that matches nothing but check the others', async () => {
    const pattern = path.join(folder, '*.txt')
    const result = await run(['check', pattern, file('clean'), pattern])
    assert.equal(result.code, 0)
    assert.equal(result.stderr, 'article-kit: no files match `' + pattern + '`\n')
    assert.equal(result.stdout, '✔ 1 file, no problems\n')
  })

  it('should exit 2 for usage errors, with a clear message and no stack trace', async () => {
    const cases = [['check', '--frobnicate', 'a.md'], ['check'], ['lint', 'a.md']]
    const results = await Promise.all(cases.map((args) => run(args)))
    for (const [index, result] of results.entries()) {
      const args = cases[index]!.join(' ')
      assert.equal(result.code, 2, args)
      assert.equal(result.stdout, '')
      assert.match(result.stderr, /^article-kit: .+\nRun `article-kit --help` for usage\.\n$/, args)
      assertNoStackTrace(result)
    }
  })

  it('should print help with `--help` and the version with `--version`', async () => {
    const help = await run(['--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /^Usage: article-kit check/)
    const shown = await run(['--version'])
    assert.equal(shown.code, 0)
    assert.equal(shown.stdout, version + '\n')
  })

  /** Check every file of a folder; assert the report's shape; resolve with whether an error was reported. */
  async function checkFolder(corpus: string, files?: number): Promise<boolean> {
    const result = await run(['check', corpus + '/*'])
    assertNoStackTrace(result)
    const found = headers(result.stdout)
    assert.ok(found.length > 0, 'some messages')
    for (const match of found) {
      assert.ok(match[1]!.startsWith(corpus + '/'))
      assert.ok(Number(match[2]) >= 1 && Number(match[3]) >= 1)
    }
    // Every message has a code frame under it (none of these files is unreadable).
    const lines = result.stdout.split('\n')
    for (const [index, line] of lines.entries()) {
      if (shape.test(line)) assert.match(lines[index + 1]!, /^[ >] +\d+ \|/, line)
    }
    const last = lines.at(-2)!
    assert.match(last, summary)
    if (files !== undefined) assert.match(last, new RegExp(` in ${files} files$`))
    const fatal = found.some((match) => match[4] === 'error')
    assert.equal(result.code, fatal ? 1 : 0)
    return fatal
  }

  it('should check a small corpus with positioned messages and a summary, and fail on its fatal post', async () => {
    assert.equal(await checkFolder(path.join(folder, 'corpus')), true, 'the small corpus has a fatal post')
  })

  it('should check the shared corpus with positioned messages and a summary', async () => {
    // `*` matches every file, SOURCES.tsv too: the command checks what the glob gives it.
    const files = postFilesIn(corpusFolder).length + readdirSync(corpusFolder).filter((name) => name.endsWith('.tsv')).length
    await checkFolder(corpusFolder, files)
  })
})
