import type {Article} from '../types.ts'
import {renderFrontMatter} from '../front-matter/render.ts'
import {keptFrontMatter} from '../record/provenance.ts'
import {splitPost} from '../post/split.ts'
import {renderHtml} from './html.ts'
import type {RenderOptions} from './policy.ts'

/**
 * Render an Article as a whole raw post: front matter, then the HTML body.
 *
 * An Article from `parsePost` that was not modified gives the original post
 * back byte for byte (byte order mark, line endings, YAML comments and
 * folding included) whenever the sanitiser changed nothing in it; edits
 * change only what they touch.
 *
 * @param article - A parsed or hand-built Article.
 * @param options - As for `renderHtml`.
 * @returns The raw post.
 * @example
 * const raw = '---\ntitle: Hi\n---\n\n<p>a</p>\n'
 * renderPost(parsePost(raw)) === raw
 * //=> true
 */
export function renderPost(article: Article, options?: Readonly<RenderOptions> | null): string {
  return assemblePost(frontMatterMeta(article), article.layout, renderHtml(article, options))
}

/**
 * The meta to write as front matter: a title that only stands in for the
 * title heading (and still equals its text) is the body's, not the front
 * matter's, so it is not written there.
 */
function frontMatterMeta(article: Article): Article['meta'] {
  const {meta, titleHeading} = article
  if (article.titleSource !== 'heading' || typeof titleHeading !== 'object' || titleHeading === null) return meta
  return typeof meta === 'object' && meta !== null && meta.title === titleHeading.text ? {...meta, title: null} : meta
}

/**
 * A raw post from its meta, layout and rendered body, as `renderPost` joins them.
 *
 * @param meta - The front matter values.
 * @param layout - How the post was laid out (absent for a hand-built Article).
 * @param body - The HTML body.
 * @returns The raw post.
 * @example
 * assemblePost({title: 'Hi', categories: [], tags: []}, undefined, '<p>a</p>\n')
 * //=> '---\ntitle: Hi\n---\n\n<p>a</p>\n'
 */
export function assemblePost(meta: Article['meta'], layout: Article['layout'] | undefined, body: string): string {
  const eol = layout?.eol === '\r\n' ? '\r\n' : '\n'
  // A parsed Article's block, while its meta is unchanged, is what renderFrontMatter would give back.
  const frontMatter = keptFrontMatter(meta, layout?.frontMatter) ?? renderFrontMatter(meta, layout?.frontMatter, eol)
  const hasGaps = Array.isArray(layout?.gaps) && layout.gaps.length > 0
  // A hand-built Article has no layout: a blank line after the front matter, as editors write it.
  const joiner = !hasGaps && frontMatter && body ? eol : ''
  // A body that starts like front matter would be read as front matter: give it an empty one.
  const guard = frontMatter === '' && splitPost(body).frontMatter !== null ? `---${eol}---${eol}` : ''
  return (layout?.bom ? '\ufeff' : '') + (frontMatter || guard) + joiner + body
}
