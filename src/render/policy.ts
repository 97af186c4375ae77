import {defaultEmbedHosts, defaultSchema, schemaWithDefaults, type Schema} from '../body/schema.ts'
import type {CheckMemo} from '../body/sanitize.ts'

/** Options of `renderHtml` and `renderPost`. */
export interface RenderOptions {
  /** Sanitisation schema every output is checked against, merged over `defaultSchema` one top-level key at a time (default: `defaultSchema`). */
  schema?: Schema | null | undefined
  /** Extra hosts whose iframes are kept, added to `defaultEmbedHosts` (default: none). */
  allowEmbedHosts?: readonly string[] | null | undefined
}

/** The settings the renderer checks against. */
export interface Policy extends CheckMemo {
  schema: Schema
  embedHosts: readonly string[]
}

const defaultPolicy: Policy = {schema: defaultSchema, embedHosts: defaultEmbedHosts}

/** Read render options once. */
export function policyOf(options: Readonly<RenderOptions> | null | undefined): Policy {
  if (!options || (!options.schema && !options.allowEmbedHosts)) return defaultPolicy
  return {
    schema: schemaWithDefaults(options.schema),
    embedHosts: options.allowEmbedHosts ? [...defaultEmbedHosts, ...options.allowEmbedHosts] : defaultEmbedHosts
  }
}
