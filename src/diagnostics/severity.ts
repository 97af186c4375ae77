/**
 * The `rules` option: each rule off, a warning or an error, as ESLint's
 * `rules` and hast-util-from-html's per-rule severities set them.
 */
import type {Message} from '../types.ts'
import {catalogue, type RuleId} from './catalogue.ts'

/**
 * How serious a rule's messages are, as in ESLint: `'off'` (or `0`) drops
 * them, `'warn'` (or `1`) makes them warnings (`fatal: false`), `'error'`
 * (or `2`) makes them errors (`fatal: true`, thrown with `strict: true`).
 */
export type Severity = 'off' | 'warn' | 'error' | 0 | 1 | 2

/**
 * The severity of the rules to change, by rule id; a rule left out (or set
 * to `null` or `undefined`) keeps its default from `catalogue`.
 *
 * @example
 * const rules: Rules = {'sanitized-style': 'off', 'image-alt-missing': 'error'}
 */
export type Rules = {readonly [Id in RuleId]?: Severity | null | undefined}

/** A severity, read. */
type Level = 'off' | 'warn' | 'error'

const levels: ReadonlyMap<unknown, Level> = new Map<unknown, Level>([
  ['off', 'off'],
  [0, 'off'],
  ['warn', 'warn'],
  [1, 'warn'],
  ['error', 'error'],
  [2, 'error']
])

/**
 * Read a `rules` option once, before any post is read: a mistake in it is a
 * mistake in the program or its configuration, not in a post.
 *
 * @param rules - The option as given.
 * @returns The level of each rule set, or undefined when none is.
 * @throws {TypeError} When `rules` is not an object, names a rule that is not in `catalogue`, or gives a severity other than `'off'`, `'warn'`, `'error'`, 0, 1 or 2.
 */
export function readRules(rules: unknown): ReadonlyMap<RuleId, Level> | undefined {
  if (rules === null || rules === undefined) return undefined
  if (typeof rules !== 'object' || Array.isArray(rules)) {
    throw new TypeError(`Expected \`rules\` to be an object of rule ids and severities, not ${Array.isArray(rules) ? 'an array' : typeof rules}`)
  }
  const read = new Map<RuleId, Level>()
  for (const [ruleId, severity] of Object.entries(rules)) {
    if (!Object.hasOwn(catalogue, ruleId)) {
      throw new TypeError(`Unknown rule \`${ruleId}\` in \`rules\` (the rule ids are the keys of \`catalogue\`)`)
    }
    if (severity === null || severity === undefined) continue
    const level = levels.get(severity)
    if (!level) {
      throw new TypeError(`Expected \`'off'\`, \`'warn'\`, \`'error'\`, 0, 1 or 2 for \`${ruleId}\` in \`rules\`, not \`${String(severity)}\``)
    }
    read.set(ruleId as RuleId, level)
  }
  return read.size > 0 ? read : undefined
}

/**
 * Give messages the severity `rules` sets for their rule: `'off'` leaves them
 * out, `'warn'` and `'error'` set `fatal`. The messages are not changed: the
 * ones whose severity changes are copies.
 *
 * @param messages - Messages, in order.
 * @param rules - What `readRules` read.
 * @returns The messages to report, in the same order.
 */
export function applyRules(messages: readonly Message[], rules: ReadonlyMap<RuleId, Level> | undefined): Message[] {
  if (!rules) return [...messages]
  const result: Message[] = []
  for (const message of messages) {
    const level = rules.get(message.ruleId as RuleId)
    if (level === undefined) result.push(message)
    else if (level !== 'off') {
      const fatal = level === 'error'
      result.push(message.fatal === fatal ? message : {...message, fatal})
    }
  }
  return result
}
