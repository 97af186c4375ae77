import {parseArgs} from 'node:util'

/**
 * Command-line arguments → what to do. Pure (no I/O), so every usage error
 * can be tested without starting a process.
 */

/** Output formats of `article-kit check`. */
export type Format = 'pretty' | 'compact' | 'json'

/** A `check` run, as asked for on the command line. */
export interface CheckCommand {
  kind: 'check'
  /** Files and globs, in order; `-` is standard input. */
  patterns: string[]
  format: Format
  /** Exit with 1 when there are more warnings than this; `undefined` for no limit. */
  maxWarnings: number | undefined
  /** Show errors only. */
  quiet: boolean
  /** Show informational messages. */
  info: boolean
  /** `--color` (true) or `--no-color` (false), the last one given; `undefined` to follow the terminal and the environment. */
  color: boolean | undefined
  /** Write the report to this file instead of standard output; `undefined` for standard output. */
  outputFile: string | undefined
  /** The configuration file given with `--config`; `undefined` to look for `article-kit.config.json`. */
  config: string | undefined
  /** `--front-matter <required|optional>`, over the configuration file's `frontMatter`; `undefined` when not given. */
  frontMatter: 'required' | 'optional' | undefined
}

/** What the arguments ask for; `usage` carries the reason they are wrong. */
export type Command = CheckCommand | {kind: 'help'} | {kind: 'version'} | {kind: 'usage'; reason: string}

const formats: readonly Format[] = ['pretty', 'compact', 'json']

/** The text of `--help`. */
export const helpText = `Usage: article-kit check [options] <files, folders or globs…>

Check raw posts (YAML front matter + HTML body) and report problems.

Arguments:
  <files, folders, globs> Files, folders (the .md, .markdown, .html and .htm
                          files in them and below), or globs with *, **, ?,
                          {a,b} and [...] (quote them so the shell leaves
                          them alone); - reads stdin

Options:
  -f, --format <format>   pretty (default, with code frames), compact (one line
                          per message) or json
  --max-warnings <n>      Exit with 1 when there are more than <n> warnings
  -q, --quiet             Show errors only
  --no-info               Hide informational messages
  -o, --output-file <file>
                          Write the report to <file> instead of stdout
  -c, --config <file>     Read options from <file> (default:
                          article-kit.config.json in the current folder, if
                          there is one)
  --front-matter <mode>   required (default) or optional: with optional, a
                          post without front matter is not reported
  --color, --no-color     Force colour on or off (default: on in a terminal;
                          NO_COLOR and FORCE_COLOR are honoured too)
  -h, --help              Show this help
  -v, --version           Show the version

Configuration file (JSON): {"allowEmbedHosts": ["player.example.com"],
  "frontMatter": "optional",
  "rules": {"sanitized-style": "off", "image-alt-missing": "error"}}
  (each rule "off", "warn" or "error", as in ESLint)

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error.

Example:
  article-kit check '_posts/**/*.{md,html}'
`

/**
 * Read the command line.
 *
 * @param argv - The arguments after the program (`process.argv.slice(2)`).
 * @returns What to do; never throws.
 * @example
 * parseArguments(['check', '--quiet', 'a.md']).kind //=> 'check'
 * parseArguments(['--frobnicate']).kind //=> 'usage'
 */
export function parseArguments(argv: readonly string[]): Command {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        format: {type: 'string', short: 'f'},
        'max-warnings': {type: 'string'},
        quiet: {type: 'boolean', short: 'q'},
        'no-info': {type: 'boolean'},
        'output-file': {type: 'string', short: 'o'},
        config: {type: 'string', short: 'c'},
        'front-matter': {type: 'string'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    // `parseArgs` explains unknown options and missing values well; keep its first sentence.
    const text = error instanceof Error ? error.message : String(error)
    return {kind: 'usage', reason: text.split(/\.\s+(?=[A-Z])/)[0]!.replace(/\.$/, '')}
  }

  const {values, positionals, tokens} = parsed
  if (values.help) return {kind: 'help'}
  if (values.version) return {kind: 'version'}

  const [command, ...patterns] = positionals
  if (command === undefined) return {kind: 'usage', reason: 'Missing a command (try `article-kit check <files…>`)'}
  if (command === 'help') return {kind: 'help'}
  if (command !== 'check') {
    return {kind: 'usage', reason: 'Unknown command `' + command + '` (try `article-kit check ' + command + '`)'}
  }
  if (patterns.length === 0) return {kind: 'usage', reason: 'Missing files to check (try `article-kit check \'posts/*.md\'`)'}

  const format = values.format ?? 'pretty'
  if (!(formats as readonly string[]).includes(format)) {
    return {kind: 'usage', reason: 'Unknown format `' + format + '` (expected one of: ' + formats.join(', ') + ')'}
  }

  let maxWarnings: number | undefined
  const limit = values['max-warnings']
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit)) return {kind: 'usage', reason: 'Expected a whole number for `--max-warnings`, not `' + limit + '`'}
    maxWarnings = Number(limit)
  }

  for (const name of ['output-file', 'config'] as const) {
    if (values[name] === '') return {kind: 'usage', reason: 'Expected a file name for `--' + name + '`'}
  }

  const frontMatter = values['front-matter']
  if (frontMatter !== undefined && frontMatter !== 'required' && frontMatter !== 'optional') {
    return {kind: 'usage', reason: 'Expected `required` or `optional` for `--front-matter`, not `' + frontMatter + '`'}
  }

  // `--color` and `--no-color`: the last one given wins, as in ESLint.
  let color: boolean | undefined
  for (const token of tokens) {
    if (token.kind === 'option' && (token.name === 'color' || token.name === 'no-color')) color = token.name === 'color'
  }

  return {
    kind: 'check',
    patterns,
    format: format as Format,
    maxWarnings,
    quiet: values.quiet ?? false,
    info: !(values['no-info'] ?? false),
    color,
    outputFile: values['output-file'],
    config: values.config,
    frontMatter
  }
}
