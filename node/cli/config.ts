import {catalogue, type ParseOptions, type Rules, type Severity} from 'article-kit'

/**
 * The configuration file of the command line: `article-kit.config.json` in
 * the current folder, or the file given with `--config`. Pure (the caller
 * reads the file), so every mistake in it can be tested without a process.
 *
 * ```json
 * {"allowEmbedHosts": ["player.example.com"], "frontMatter": "optional", "rules": {"sanitized-style": "off"}}
 * ```
 *
 * Known options, as `parsePost`'s options of those names: `allowEmbedHosts`
 * (hosts whose iframes are kept, added to `defaultEmbedHosts`),
 * `frontMatter` (`"required"` or `"optional"`) and `rules` (each rule
 * `"off"`, `"warn"` or `"error"`, or 0, 1, 2, as in ESLint). An unknown key,
 * rule id or severity is an error rather than ignored, so a misspelt option
 * never goes unnoticed.
 */

/** The file looked for in the current folder when `--config` is not given. */
export const configName = 'article-kit.config.json'

/** What the configuration sets: options of `checkPost`. */
export type Config = Pick<ParseOptions, 'allowEmbedHosts' | 'frontMatter' | 'rules'>

/** The configuration, or why it is wrong. */
export type ConfigResult = {ok: true; config: Config} | {ok: false; reason: string}

const known = ['allowEmbedHosts', 'frontMatter', 'rules']
const severities: readonly unknown[] = ['off', 'warn', 'error', 0, 1, 2] satisfies Severity[]

/**
 * Read a configuration file's text.
 *
 * @param text - The file's content (JSON).
 * @param name - The file's name, for the reason.
 * @returns The options, or the reason they are wrong; never throws.
 * @example
 * parseConfig('{"allowEmbedHosts": ["a.example"]}', 'c.json') //=> {ok: true, config: {allowEmbedHosts: ['a.example']}}
 */
export function parseConfig(text: string, name: string): ConfigResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {ok: false, reason: 'Cannot read `' + name + '` as JSON: ' + (error instanceof Error ? error.message : String(error))}
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {ok: false, reason: 'Expected an object in `' + name + '`'}
  }
  const config: Config = {}
  for (const [key, option] of Object.entries(value)) {
    if (key === 'allowEmbedHosts') {
      if (!Array.isArray(option) || !option.every((host) => typeof host === 'string')) {
        return {ok: false, reason: 'Expected an array of host names for `allowEmbedHosts` in `' + name + '`'}
      }
      config.allowEmbedHosts = option as string[]
    } else if (key === 'frontMatter') {
      if (option !== 'required' && option !== 'optional') {
        return {ok: false, reason: 'Expected `"required"` or `"optional"` for `frontMatter` in `' + name + '`'}
      }
      config.frontMatter = option
    } else if (key === 'rules') {
      const rules = readRules(option, name)
      if (typeof rules === 'string') return {ok: false, reason: rules}
      config.rules = rules
    } else {
      return {ok: false, reason: 'Unknown option `' + key + '` in `' + name + '` (known: ' + known.join(', ') + ')'}
    }
  }
  return {ok: true, config}
}

/** The `rules` of a configuration file, or the reason they are wrong. */
function readRules(option: unknown, name: string): Rules | string {
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    return 'Expected an object of rule ids and severities for `rules` in `' + name + '`'
  }
  for (const [ruleId, severity] of Object.entries(option)) {
    if (!Object.hasOwn(catalogue, ruleId)) return 'Unknown rule `' + ruleId + '` in `rules` in `' + name + '`'
    if (!severities.includes(severity)) {
      return 'Expected "off", "warn", "error", 0, 1 or 2 for `' + ruleId + '` in `rules` in `' + name + '`, not `' + JSON.stringify(severity) + '`'
    }
  }
  return option as Rules
}
