import type {Message} from '../types.ts'
import type {LineIndex} from './line-index.ts'
import {catalogue, type RuleId} from './catalogue.ts'
import {frontMatterRules, type FrontMatterRuleId} from './front-matter-rules.ts'
import {ruleUrl, type Rule} from './rule.ts'

/**
 * Make a message for `ruleId` at `start`–`end` (offsets into the raw post).
 *
 * @param lines - The post's line index.
 * @param ruleId - Which rule.
 * @param reason - What is wrong, in one sentence.
 * @param start - Offset where the problem starts.
 * @param end - Offset where it ends (defaults to `start`).
 * @returns A plain, JSON-serialisable message.
 */
export function createMessage(
  lines: LineIndex,
  ruleId: RuleId,
  reason: string,
  start: number,
  end: number = start
): Message {
  return messageOf(lines, ruleId, catalogue[ruleId], reason, start, end)
}

/**
 * `createMessage` for a front matter rule, reading only the front matter's
 * rules: the `article-kit/front-matter` entry then carries no other notes.
 *
 * @param lines - The post's line index.
 * @param ruleId - Which front matter rule.
 * @param reason - What is wrong, in one sentence.
 * @param start - Offset where the problem starts.
 * @param end - Offset where it ends (defaults to `start`).
 * @returns A plain, JSON-serialisable message.
 */
export function createFrontMatterMessage(lines: LineIndex, ruleId: FrontMatterRuleId, reason: string, start: number, end: number = start): Message {
  return messageOf(lines, ruleId, frontMatterRules[ruleId], reason, start, end)
}

function messageOf(lines: LineIndex, ruleId: RuleId, rule: Rule, reason: string, start: number, end: number): Message {
  const from = lines.point(start)
  const to = lines.point(Math.max(start, end))
  const message: Message = {
    reason,
    line: from.line,
    column: from.column,
    place: {start: from, end: to},
    ruleId,
    source: 'article-kit',
    note: rule.note,
    url: ruleUrl(ruleId)
  }
  if (rule.fatal !== undefined) message.fatal = rule.fatal
  return message
}
