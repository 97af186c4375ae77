/**
 * Types for `?article` imports. Reference them once, for example in
 * `src/vite-env.d.ts`:
 *
 * ```ts
 * /// <reference types="article-kit/vite/client" />
 * ```
 *
 * The Article type is named with a relative `import()` type: an ambient
 * module cannot import a relative path, and naming `article-kit` here would
 * make this repository resolve itself (TS2209). So this file must stay one
 * folder below `types.ts` (`src/vite/`) or `types.d.ts` (`dist/vite/`).
 */

declare module '*?article' {
  /** The post as an Article (plain JSON). */
  const article: import('../types.js').Article
  export default article
  /** The post's body, rendered and sanitised by `renderHtml`. */
  export const html: string
}

declare module '*?article&html' {
  /** The post's body, rendered and sanitised by `renderHtml`. */
  const html: string
  export default html
}
