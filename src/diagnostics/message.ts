import type {Message} from '../types.ts'
import type {LineIndex} from './line-index.ts'
import {catalogue, rulesUrl, type RuleId} from './catalogue.ts'

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
  const rule = catalogue[ruleId]
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
    url: rulesUrl + '-' + ruleId
  }
  if (rule.fatal !== undefined) message.fatal = rule.fatal
  return message
}
