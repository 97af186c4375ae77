/**
 * Vite integration: `import post from './x.html?article'` gives the Article.
 *
 * No Node built-ins here: Vite reads the file behind a `?article` id with its
 * default loader, and the plugin works in `transform`.
 */
import type {Plugin, ResolvedConfig} from 'vite'
import type {Message} from '../types.ts'
import {parsePost} from '../article/parse-post.ts'
import {renderHtml} from '../render/html.ts'
import type {Schema} from '../body/schema.ts'
import type {Rules} from '../diagnostics/severity.ts'

/** Options of the `article` Vite plugin. */
export interface Options {
  /** Sanitisation schema, used to parse and to render (default: `defaultSchema`). */
  schema?: Schema | null | undefined
  /** Extra hosts whose iframes are kept, added to `defaultEmbedHosts` (default: none). */
  allowEmbedHosts?: readonly string[] | null | undefined
  /** Whether a post must open with front matter: with `'optional'`, none gives no `front-matter-missing` message (default: `'required'`). */
  frontMatter?: 'required' | 'optional' | null | undefined
  /** The severity of rules, as `parsePost`'s `rules` (`{'sanitized-style': 'off', 'image-alt-missing': 'error'}`): an error fails the build, a warning is a `this.warn`, `'off'` is not reported (default: none changed). */
  rules?: Rules | null | undefined
}

const emptyOptions: Readonly<Options> = Object.freeze({})

// `?article` anywhere in the query, as its own parameter (`?article&html`, `?import&article&t=1`).
const articleQuery = /[?&]article(?:&|$)/

/**
 * Vite plugin: import raw posts as Articles.
 *
 * `import post from './posts/x.html?article'` gives the Article (plain JSON)
 * as the default export and the body rendered by `renderHtml` as the named
 * export `html`; `?article&html` gives only the HTML string as the default
 * export. Warnings become `this.warn` calls whose text starts with
 * `file:line:column` (Vite's build output does not print a warning's `loc`);
 * informational messages stay in `post.messages`. A fatal message (the
 * Article would be incomplete, such as unclosed front matter) fails the
 * build through `this.error`, with `loc`. In dev, editing a post
 * re-transforms it: Vite watches the file behind the id, and the plugin adds
 * it with `addWatchFile` in case it is outside the root.
 *
 * Vite's default loader reads `.html`, `.md` and other non-asset files
 * behind a `?article` id; for extensions Vite treats as assets (`.txt`,
 * and whatever `assetsInclude` adds), its asset plugin would load a URL
 * instead, so the plugin loads those itself through Vite's `this.fs`.
 *
 * @param options - Schema and embed hosts (optional).
 * @returns The plugin.
 * @example
 * // not run: a Vite config and a module importing a post
 * // vite.config.ts
 * import {defineConfig} from 'vite'
 * import article from 'article-kit/vite'
 * export default defineConfig({plugins: [article()]})
 *
 * // main.ts
 * import post, {html} from './posts/hello.html?article'
 * document.title = post.meta.title ?? ''
 */
export function article(options?: Readonly<Options> | null): Plugin {
  const settings = options || emptyOptions
  let config: ResolvedConfig | undefined

  return {
    name: 'article-kit',
    // Before `vite:asset`, which would otherwise load a `.txt?article` as a URL.
    enforce: 'pre',
    configResolved(resolved) {
      config = resolved
    },
    load: {
      filter: {id: articleQuery},
      async handler(id) {
        const file = cleanId(id)
        if (!config?.assetsInclude(file)) return null
        this.addWatchFile(file)
        return {code: await this.fs.readFile(file, {encoding: 'utf8'}), moduleType: 'js'}
      }
    },
    transform: {
      filter: {id: articleQuery},
      handler(code, id) {
        const file = cleanId(id)
        const name = relativeTo(config?.root, file)
        this.addWatchFile(file)
        const post = parsePost(code, settings)
        for (const message of post.messages) {
          const text = `${name}:${message.line}:${message.column}: ${message.reason} [${message.ruleId}]`
          // Rollup's convention, which Vite's code frames follow: 1-based lines, 0-based columns.
          const loc = {file, line: message.line, column: message.column - 1}
          if (message.fatal === true) this.error({message: text + hint(message), id: file, loc})
          if (message.fatal === false) this.warn({message: text, id: file, loc})
        }
        const html = renderHtml(post, settings)
        // `JSON.parse`, not an object literal: a literal's `"__proto__"` key (possible in front matter) would set the prototype.
        const output = new URLSearchParams(id.slice(id.indexOf('?'))).has('html')
          ? `export default ${JSON.stringify(html)};\n`
          : `export default JSON.parse(${JSON.stringify(JSON.stringify(post))});\nexport const html = ${JSON.stringify(html)};\n`
        return {code: output, map: {mappings: ''}, moduleType: 'js'}
      }
    }
  }
}

export default article

/** The file behind a module id: no query, no hash. */
function cleanId(id: string): string {
  return id.replace(/[?#].*$/s, '')
}

/** `file` relative to the project root, for messages people read; absolute when outside it. */
function relativeTo(root: string | undefined, file: string): string {
  return root && file.startsWith(root + '/') ? file.slice(root.length + 1) : file
}

/** The rule's advice and link, on their own lines after a fatal message. */
function hint(message: Message): string {
  return (message.note ? '\n' + message.note : '') + (message.url ? '\n' + message.url : '')
}
