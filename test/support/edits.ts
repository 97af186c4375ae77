/**
 * Edits a user may make in place to a parsed Article, for the tests of what
 * `parsePost` recorded (`test/record/`): the renderer must give for the edited
 * Article what it gives for a copy of it, and never script.
 */
import fc from 'fast-check'
import type {Article} from '../../src/index.ts'
import {parseBody} from '../../src/body/parse.ts'

/** Places in an Article a user may edit: every member of every object and array, but the messages'. */
export function places(article: Article): Array<{parent: Record<string, unknown> | unknown[]; key: string | number}> {
  const found: Array<{parent: Record<string, unknown> | unknown[]; key: string | number}> = []
  const stack: unknown[] = [article.meta, article.lead, article.hero, article.summary, article.sections, article.layout]
  while (stack.length > 0) {
    const value = stack.pop()
    if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        found.push({parent: value, key: index})
        stack.push(entry)
      })
    } else if (value && typeof value === 'object') {
      for (const [key, entry] of Object.entries(value)) {
        found.push({parent: value as Record<string, unknown>, key})
        stack.push(entry)
      }
    }
  }
  return found
}

export const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<p>edited</p>', 'edited', '', '</p><svg onload=alert(1)>']

/** An edit made in place: a value replaced, a member deleted, an array entry repeated or removed, or a value (an item, say) brought over from another parsed Article. */
export const edit = fc.record({at: fc.nat(), kind: fc.constantFrom('set', 'delete', 'repeat', 'remove', 'swap', 'number', 'same', 'foreign'), value: fc.constantFrom(...hostile)})

export function apply(article: Article, {at, kind, value}: {at: number; kind: string; value: string}, other: () => Article): void {
  const all = places(article)
  if (all.length === 0) return
  const {parent, key} = all[at % all.length]!
  const target = parent as Record<string | number, unknown>
  if (kind === 'set') target[key] = value
  else if (kind === 'foreign') {
    const theirs = places(other())
    const place = theirs[Math.floor(at / all.length) % theirs.length]
    if (place) target[key] = (place.parent as Record<string | number, unknown>)[place.key]
  }
  else if (kind === 'delete') delete target[key]
  else if (kind === 'same' && typeof target[key] === 'string') target[key] = [...(target[key] as string)].join('')
  else if (kind === 'number' && typeof target[key] === 'number') target[key] = at % 7
  else if (Array.isArray(parent) && typeof key === 'number') {
    if (kind === 'repeat') parent.splice(key, 0, structuredClone(parent[key]))
    else if (kind === 'remove') parent.splice(key, 1)
    else if (kind === 'swap' && key + 1 < parent.length) parent.splice(key, 2, parent[key + 1], parent[key])
  }
}

/** Whether HTML parses into a script, an SVG or an event handler attribute (`on<event>`: a bare AMP `on` is kept, see SECURITY.md). */
export function hasScript(html: string): boolean {
  const stack: unknown[] = [parseBody(html).tree]
  while (stack.length > 0) {
    const node = stack.pop() as {type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[]}
    if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'svg' || Object.keys(node.properties ?? {}).some((name) => /^on./i.test(name)))) return true
    stack.push(...(node.children ?? []))
  }
  return false
}

