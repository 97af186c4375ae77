/**
 * One message per kind of problem in a post, not one per occurrence: a
 * post pasted from Word can lose hundreds of `mso-` declarations, and a reader
 * acts on that once.
 */
import type {Message, Repeat} from '../types.ts'

/**
 * Group a post's messages: one message per rule and, for the sanitiser's
 * rules, per thing removed (see `groupKey`), placed at its first occurrence,
 * with `count` and the other occurrences in `repeats`.
 *
 * A message that stands alone is returned as it is. A group's message is its
 * first occurrence with ` (and N more like it)` after its reason, so every
 * reporter that prints reasons (vfile-reporter, the command line, Vite,
 * Astro) shows the count. Messages stay in the order of their first
 * occurrence.
 *
 * @param messages - A post's messages, in order of position.
 * @returns The grouped messages, in the same order; the input is not changed.
 * @example
 * groupMessages(checkPost('<p>a<blink></blink>b<blink></blink></p>', {groupMessages: false})).map((message) => [message.ruleId, message.count])
 * //=> [['front-matter-missing', undefined], ['sanitized-element', 2]]
 */
export function groupMessages(messages: readonly Message[]): Message[] {
  const groups = new Map<string, Message[]>()
  for (const message of messages) {
    const key = groupKey(message)
    const group = groups.get(key)
    if (group) group.push(message)
    else groups.set(key, [message])
  }
  // A Map keeps insertion order: each group sits where its first message did.
  return [...groups.values()].map(merge)
}

/**
 * What makes two messages the same problem: the rule, and for the
 * sanitiser's rules what was removed, since a removed `<script>` and a
 * removed `<blink>` ask different things of the reader. CSS declarations are
 * one group per post: a Word paste removes dozens of `mso-*` properties, and
 * the reader's answer to all of them is the same.
 *
 * The attribute's name is read from the reason `body/sanitize.ts` writes
 * (``Removed `name="value"` from `<tag>`: why``); the tests pin that shape.
 */
function groupKey(message: Message): string {
  switch (message.ruleId) {
    // The reason names the element (and whether its content went) or the
    // embed's host, and nothing that differs from one occurrence to the next.
    case 'sanitized-element':
    case 'sanitized-embed':
      return message.ruleId + '\u0000' + message.reason
    case 'sanitized-attribute': {
      const name = /^Removed `([^`=]+)="/.exec(message.reason)
      return message.ruleId + '\u0000' + (name ? name[1] : message.reason)
    }
    default:
      return message.ruleId
  }
}

function merge(group: Message[]): Message {
  const first = group[0]!
  if (group.length === 1) return first
  const repeats: Repeat[] = group.slice(1).map((message) => ({reason: message.reason, place: message.place}))
  const more = group.length - 1
  return {...first, reason: `${first.reason} (and ${more} more like it)`, count: group.length, repeats}
}
