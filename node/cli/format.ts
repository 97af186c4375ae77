import type {Message} from 'article-kit'
import {codeFrame, printable, splitLines, type FrameOptions} from './frame.ts'

/**
 * Pure formatting for the command line: reports in, text out.
 *
 * Three formats: `pretty` (compiler-style lines with a code frame under
 * each), `compact` (one line per message) and `json` (one document, in
 * ESLint's shape). Text
 * from posts and file names goes through `printable`, so a hostile post
 * cannot send escape sequences to the terminal.
 */

/** What a message's `fatal` field means. */
export type Severity = 'error' | 'warning' | 'info'

/** The messages of one checked file. */
export interface FileReport {
  /** The file as named on the command line (`<stdin>` for `-`). */
  file: string
  /** The text that was checked; `undefined` when the file could not be read (no frames then). */
  source?: string | undefined
  messages: readonly Message[]
}

/** How many messages of each severity. */
export interface Counts {
  errors: number
  warnings: number
  infos: number
}

/** Options of `formatPretty`, `formatCompact` and `formatSummary`. */
export interface FormatOptions {
  /** Whether to colour the output with ANSI escapes (default: `false`). */
  color?: boolean | null | undefined
  /** Messages filtered out (`--quiet`, `--no-info`), mentioned in the summary (default: none). */
  hidden?: Counts | null | undefined
  /** Options for the code frames (default: 1 line of context, 100 columns, tabs of 4). */
  frame?: Omit<FrameOptions, 'style'> | null | undefined
}

/** Options of `filterMessages`. */
export interface FilterOptions {
  /** Keep errors only (default: `false`). */
  quiet?: boolean | null | undefined
  /** Keep informational messages (default: `true`). */
  info?: boolean | null | undefined
}

const emptyOptions: Readonly<FormatOptions> = Object.freeze({})
const ansi = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  green: [32, 39]
} as const
const tones: Record<Severity, keyof typeof ansi> = {error: 'red', warning: 'yellow', info: 'blue'}

/**
 * The severity of a message: `fatal: true` is an error, `false` a warning,
 * anything else informational (as in vfile-message).
 *
 * @param message - A message.
 * @returns Its severity.
 * @example
 * severity({fatal: false}) //=> 'warning'
 */
export function severity(message: Pick<Message, 'fatal'>): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/**
 * Count messages by severity.
 *
 * @param messages - Any messages.
 * @returns The counts.
 */
export function countMessages(messages: Iterable<Pick<Message, 'fatal'>>): Counts {
  const counts: Counts = {errors: 0, warnings: 0, infos: 0}
  for (const message of messages) counts[(severity(message) + 's') as keyof Counts]++
  return counts
}

/**
 * Keep the messages that `--quiet` and `--no-info` let through.
 *
 * @param messages - One file's messages.
 * @param options - Configuration (optional).
 * @returns The kept messages, in order.
 */
export function filterMessages(messages: readonly Message[], options?: Readonly<FilterOptions> | null): Message[] {
  const quiet = options?.quiet ?? false
  const info = options?.info ?? true
  return messages.filter((message) => {
    const kind = severity(message)
    return kind === 'error' || (!quiet && (kind === 'warning' || info))
  })
}

/**
 * Format reports as a compiler does: `file:line:column: severity: reason
 * [ruleId]`, the code frame, the note, a blank line; then the summary.
 *
 * @param reports - One per checked file, in the order to show.
 * @param options - Configuration (optional).
 * @returns The text, ending in a newline.
 */
export function formatPretty(reports: readonly FileReport[], options?: Readonly<FormatOptions> | null): string {
  const settings = options || emptyOptions
  const color = settings.color ?? false
  let text = ''
  for (const report of reports) {
    const lines = report.source === undefined ? undefined : splitLines(report.source)
    for (const message of report.messages) {
      const tone = tones[severity(message)]
      text += formatLine(report.file, message, color) + '\n'
      const frame = lines
        ? codeFrame(lines, message.place, {
            ...settings.frame,
            style: color ? {gutter: (value) => paint(value, 'dim', true), marker: (value) => paint(value, tone, true)} : null
          })
        : ''
      if (frame) text += frame + '\n'
      if (message.note) text += '  ' + paint('= note:', 'bold', color) + ' ' + printable(message.note) + '\n'
      text += '\n'
    }
  }
  return text + formatSummary(reports, settings) + '\n'
}

/**
 * Format reports one line per message, then the summary.
 *
 * @param reports - One per checked file.
 * @param options - Configuration (optional).
 * @returns The text, ending in a newline.
 */
export function formatCompact(reports: readonly FileReport[], options?: Readonly<FormatOptions> | null): string {
  const settings = options || emptyOptions
  let text = ''
  for (const report of reports) {
    for (const message of report.messages) text += formatLine(report.file, message, settings.color ?? false) + '\n'
  }
  return text + (text ? '\n' : '') + formatSummary(reports, settings) + '\n'
}

/** Options of `formatJson`. */
export interface JsonOptions {
  /** The `filePath` of a report's file (default: the file as named); the command line gives absolute paths, as ESLint does. */
  filePath?: ((file: string) => string) | null | undefined
}

/** One file in the JSON output: ESLint's `LintResult` shape. */
export interface JsonResult {
  filePath: string
  messages: JsonMessage[]
  suppressedMessages: []
  errorCount: number
  fatalErrorCount: number
  warningCount: number
  fixableErrorCount: 0
  fixableWarningCount: 0
  /** Not in ESLint: informational messages, which have `severity: 1` but are not counted as warnings. */
  infoCount: number
  usedDeprecatedRules: []
}

/** One message in the JSON output: ESLint's `LintMessage` shape, plus the rule's `note` and `url`. */
export interface JsonMessage {
  ruleId: string
  /** 2 for an error, 1 for a warning or an informational message (ESLint has no lower level). */
  severity: 1 | 2
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  note?: string
  url?: string
  /** Not in ESLint: how many times the problem occurs, when more than once (the message is at the first; its text says how many more). */
  count?: number
}

/**
 * Format reports as one JSON document in ESLint's JSON formatter's shape
 * (`eslint --format json`), so tools that read ESLint reports read these:
 * an array with every file (empty `messages` when it is fine) of
 * `{filePath, messages: [{ruleId, severity, message, line, column, endLine,
 * endColumn}], errorCount, fatalErrorCount, warningCount, …}`. Errors have
 * `severity: 2`, warnings `1`; informational messages also have `1` and are
 * counted in `infoCount` rather than `warningCount`. An error of article-kit
 * means the Article is incomplete, so every error counts in
 * `fatalErrorCount` too.
 *
 * @param reports - One per checked file.
 * @param options - Configuration (optional).
 * @returns The JSON text, ending in a newline.
 */
export function formatJson(reports: readonly FileReport[], options?: Readonly<JsonOptions> | null): string {
  const filePath = options?.filePath ?? ((file: string) => file)
  const results = reports.map((report): JsonResult => {
    const counts = countMessages(report.messages)
    return {
      filePath: filePath(report.file),
      messages: report.messages.map((message) => {
        const result: JsonMessage = {
          ruleId: message.ruleId,
          severity: message.fatal === true ? 2 : 1,
          message: message.reason,
          line: message.place.start.line,
          column: message.place.start.column,
          endLine: message.place.end.line,
          endColumn: message.place.end.column
        }
        if (message.note) result.note = message.note
        if (message.url) result.url = message.url
        if (message.count !== undefined && message.count > 1) result.count = message.count
        return result
      }),
      suppressedMessages: [],
      errorCount: counts.errors,
      fatalErrorCount: counts.errors,
      warningCount: counts.warnings,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      infoCount: counts.infos,
      usedDeprecatedRules: []
    }
  })
  return JSON.stringify(results) + '\n'
}

/**
 * The summary line: `✖ 3 problems (1 error, 2 warnings) in 2 files` (the
 * counts that are not zero), or `✔ 2 files, no problems`; messages hidden by
 * the filters are mentioned after it.
 *
 * @param reports - One per checked file (with the shown messages).
 * @param options - Configuration (optional).
 * @returns The line, without a newline.
 */
export function formatSummary(reports: readonly FileReport[], options?: Readonly<FormatOptions> | null): string {
  const settings = options || emptyOptions
  const color = settings.color ?? false
  const counts = countMessages(reports.flatMap((report) => report.messages))
  const total = counts.errors + counts.warnings + counts.infos
  const files = plural(reports.length, 'file')
  const hidden = settings.hidden ? describeHidden(settings.hidden) : ''
  if (total === 0) return paint('✔', 'green', color) + ' ' + files + ', no problems' + hidden
  const line = '✖ ' + plural(total, 'problem') + ' (' + describeCounts(counts).join(', ') + ') in ' + files
  return paint(paint(line, counts.errors > 0 ? 'red' : 'yellow', color), 'bold', color) + hidden
}

function formatLine(file: string, message: Message, color: boolean): string {
  const kind = severity(message)
  const place = printable(file) + ':' + message.line + ':' + message.column + ':'
  return (
    paint(place, 'bold', color) +
    ' ' +
    paint(kind + ':', tones[kind], color) +
    ' ' +
    printable(message.reason) +
    ' ' +
    paint('[' + printable(message.ruleId) + ']', 'dim', color)
  )
}

function describeHidden(hidden: Counts): string {
  const parts = describeCounts(hidden)
  return parts.length > 0 ? ' (' + parts.join(', ') + ' hidden)' : ''
}

/** `['1 error', '2 warnings']`: the counts that are not zero. */
function describeCounts(counts: Counts): string[] {
  const parts: string[] = []
  if (counts.errors > 0) parts.push(plural(counts.errors, 'error'))
  if (counts.warnings > 0) parts.push(plural(counts.warnings, 'warning'))
  if (counts.infos > 0) parts.push(plural(counts.infos, 'info'))
  return parts
}

function plural(count: number, noun: string): string {
  return count + ' ' + noun + (count === 1 ? '' : 's')
}

function paint(text: string, name: keyof typeof ansi, color: boolean): string {
  if (!color) return text
  const [open, close] = ansi[name]
  return '\u001B[' + open + 'm' + text + '\u001B[' + close + 'm'
}
