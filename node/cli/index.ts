#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import {mkdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {checkPost, type Message} from 'article-kit'
import {helpText, parseArguments, type CheckCommand} from './args.ts'
import {configName, parseConfig, type Config} from './config.ts'
import {countMessages, filterMessages, formatCompact, formatJson, formatPretty, type FileReport} from './format.ts'
import {printable} from './frame.ts'
import {expandGlob, isGlob} from './glob.ts'

/**
 * The `article-kit` command: the only part of article-kit that does I/O.
 *
 * Exit codes: 0 when no message is fatal, 1 when one is (or a file cannot
 * be read, or there are more warnings than `--max-warnings`), 2 for usage
 * errors and for crashes. Nothing escapes as a stack trace.
 */

const stdinName = '<stdin>'

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `article-kit check … | head` closes the pipe early: that is not an error.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  fail(error)
})

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
}, fail)

async function main(argv: readonly string[]): Promise<number> {
  const command = parseArguments(argv)
  switch (command.kind) {
    case 'help':
      process.stdout.write(helpText)
      return 0
    case 'version':
      process.stdout.write(readVersion() + '\n')
      return 0
    case 'usage':
      return usage(command.reason)
    case 'check':
      return check(command)
  }
}

async function check(command: CheckCommand): Promise<number> {
  const loaded = await loadConfig(command.config)
  if (!loaded.ok) return usage(loaded.reason)
  // The command line wins over the file.
  const config = command.frontMatter === undefined ? loaded.config : {...loaded.config, frontMatter: command.frontMatter}

  const files: string[] = []
  const unmatched: string[] = []
  for (const pattern of command.patterns) {
    if (pattern !== '-' && isGlob(pattern)) {
      const found = await expandGlob(pattern)
      if (found.length === 0) unmatched.push(pattern)
      files.push(...found)
    } else if (pattern !== '-' && (await isFolder(pattern))) {
      // A folder, as ESLint takes one: the posts in it and below it.
      const found = await expandGlob(pattern.replace(/[\\/]+$/, '') + '/' + postsInFolder)
      if (found.length === 0) unmatched.push(pattern)
      files.push(...found)
    } else {
      files.push(pattern)
    }
  }
  const unique = [...new Set(files)]
  const missed = [...new Set(unmatched)].map((pattern) => '`' + pattern + '`').join(', ')
  // Each pattern that matches nothing is reported once: a warning when other files are checked, else the usage error.
  if (unique.length === 0) return usage('No files match ' + [...new Set(command.patterns)].map((pattern) => '`' + pattern + '`').join(', '))
  if (missed) warn('no files match ' + missed)

  const reports: FileReport[] = []
  for (const file of unique) reports.push(await checkFile(file, config))

  const all = countMessages(reports.flatMap((report) => report.messages))
  const shown = reports.map((report) => ({...report, messages: filterMessages(report.messages, command)}))
  const visible = countMessages(shown.flatMap((report) => report.messages))
  const hidden = {errors: 0, warnings: all.warnings - visible.warnings, infos: all.infos - visible.infos}
  // `--color`/`--no-color` first; a report written to a file has no colour unless asked for.
  const options = {color: command.color ?? (command.outputFile === undefined && useColor()), hidden}
  const filePath = (file: string) => (file === stdinName ? file : path.resolve(file))

  const report =
    command.format === 'json'
      ? formatJson(shown, {filePath})
      : command.format === 'compact'
        ? formatCompact(shown, options)
        : formatPretty(shown, options)
  if (command.outputFile === undefined) {
    process.stdout.write(report)
  } else {
    try {
      await mkdir(path.dirname(path.resolve(command.outputFile)), {recursive: true})
      await writeFile(command.outputFile, report)
    } catch (error) {
      return usage('Cannot write `' + command.outputFile + '`: ' + describe(error))
    }
  }

  // As in ESLint, `--max-warnings` counts the warnings that `--quiet` hides too.
  const tooManyWarnings = command.maxWarnings !== undefined && all.warnings > command.maxWarnings
  if (tooManyWarnings) warn('too many warnings (' + all.warnings + ', maximum: ' + command.maxWarnings + ')')
  return all.errors > 0 || tooManyWarnings ? 1 : 0
}

/** What a folder given on the command line stands for. */
const postsInFolder = '**/*.{md,markdown,html,htm}'

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory()
  } catch {
    return false
  }
}

/** The options of the configuration file: the one given, or `article-kit.config.json` when there is one. */
async function loadConfig(file: string | undefined): Promise<{ok: true; config: Config} | {ok: false; reason: string}> {
  let text: string
  try {
    text = await readFile(file ?? configName, 'utf8')
  } catch (error) {
    if (file === undefined && (error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return {ok: true, config: {}}
    return {ok: false, reason: 'Cannot read `' + (file ?? configName) + '`: ' + describe(error)}
  }
  return parseConfig(text, file ?? configName)
}

async function checkFile(file: string, config: Config): Promise<FileReport> {
  let source: string
  try {
    source = file === '-' ? await readStdin() : await readFile(file, 'utf8')
  } catch (error) {
    return {file: file === '-' ? stdinName : file, messages: [problem('file-unreadable', 'Cannot read file: ' + describe(error))]}
  }
  const name = file === '-' ? stdinName : file
  try {
    const messages = checkPost(source, config)
    // Show a file's messages top to bottom; `sort` is stable, so ties keep their order.
    return {file: name, source, messages: [...messages].sort((a, b) => a.line - b.line || a.column - b.column)}
  } catch (error) {
    const reason = 'Could not check this file, which is a bug in article-kit (please report it): ' + describe(error)
    return {file: name, source, messages: [problem('internal-error', reason)]}
  }
}

/** A fatal message about the file as a whole, placed at its start. */
function problem(ruleId: string, reason: string): Message {
  const point = {line: 1, column: 1, offset: 0}
  return {reason, line: 1, column: 1, place: {start: point, end: point}, ruleId, source: 'article-kit', fatal: true}
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}

/** Colour when writing to a terminal; `FORCE_COLOR` and `NO_COLOR` (<https://no-color.org>) override. */
function useColor(): boolean {
  const force = process.env['FORCE_COLOR']
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false'
  if (process.env['NO_COLOR']) return false
  return process.stdout.isTTY === true && process.env['TERM'] !== 'dumb'
}

function readVersion(): string {
  // The same path from `node/cli/` and from `dist/cli/`.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  const version: unknown = (JSON.parse(text) as {version?: unknown}).version
  return typeof version === 'string' ? version : 'unknown'
}

function usage(reason: string): number {
  process.stderr.write('article-kit: ' + printable(reason) + '\nRun `article-kit --help` for usage.\n')
  return 2
}

function warn(text: string): void {
  process.stderr.write('article-kit: ' + printable(text) + '\n')
}

function fail(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error)
  process.stderr.write('article-kit: internal error: ' + printable(text) + '\n')
  process.exitCode = 2
}
