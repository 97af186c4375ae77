import type {Schema} from 'hast-util-sanitize'
import {defaultSchema as githubSchema} from 'rehype-sanitize'

/** A sanitisation schema, in hast-util-sanitize's format (property names, not attribute names). */
export type {Schema} from 'hast-util-sanitize'

type AttributeList = NonNullable<Schema['attributes']>[string]

const githubAttributes = githubSchema.attributes ?? {}

function extend(tagName: string, extra: AttributeList): AttributeList {
  // Tag-specific lists in the GitHub schema limit `className` to a few values; ours allow any class.
  const base = (githubAttributes[tagName] ?? []).filter((entry) => (typeof entry === 'string' ? entry : entry[0]) !== 'className')
  return [...base, ...extra]
}

/**
 * A media URL (`src` of `video`, `audio`, `source`, `track`) that a browser
 * loads over https or from the page's own site: `https:` or relative, checked
 * after the `src` protocols (http, https). Refused: `http:` and
 * protocol-relative URLs (`//host`, `\\host`, which are `http:` on an http
 * page), and, rather than read them as a browser would, values with leading
 * white space or controls, or with a tab or line break inside.
 */
const mediaUrl = /^(?![\0-\x20])(?![\s\S]*[\t\n\r])(?!http:)(?![\\/]{2})/i

/**
 * AMP's `on` as AMP themes write it on images (`on="tap:lightbox1"`): one
 * `tap` event and one target id, nothing else. No browser reads `on` (event
 * handler attributes are `on` followed by an event name); only a page that
 * loads AMP's runtime does, and then a bare target runs nothing but the
 * default action of the page's own element with that id, as a Bootstrap
 * `data-bs-toggle` does. A method (`.submit`, `.navigateTo(…)`), arguments,
 * a second action or the `AMP` global target is refused.
 */
const ampTapTarget = /^tap:(?![Aa][Mm][Pp]$)[A-Za-z][\w-]*$/

/** `preload` values that load no more than the media's metadata (`auto`, and `""`, which means auto, would fetch the whole file). */
const mediaPreload = ['none', 'metadata']

/**
 * The default sanitisation schema: rehype-sanitize's (GitHub's) defaults,
 * widened for what real posts use, with the rest still removed.
 *
 * Added, and why (counts from the sample site's 6,952-post archive and the
 * 164-post corpus): `data*` attributes everywhere (the editor's `data-ke-*`,
 * `data-origin-width`, lightbox data); `class` on every element (WordPress and
 * Blogger layouts); `style` on every element, filtered declaration by
 * declaration (`span[style]` 4,183 posts, `td[style]` 3,718, `table[style]`
 * 1,251, `hr[style]` 252); `a[rel|target]` (6,510); `table[border|cellpadding|cellspacing]`,
 * `th[scope]`, `col[width]`, `img[width|height|srcset|sizes|title|loading]`;
 * `figure`, `figcaption`, tables' `caption|col|colgroup`, `font`, `center`,
 * `u`, `small`, `mark` and friends; `iframe` (host-checked, see `allowEmbedHosts`);
 * `video`/`audio` (https or relative `src`, no `autoplay`, `preload` at most metadata). Comments are kept (WordPress' `<!--more-->`) when they
 * cannot change how a page parses. Ids are kept byte for byte; only values
 * that would clobber DOM properties (`id="location"`) are removed.
 *
 * @example
 * import {defaultSchema, parsePost} from 'article-kit'
 * // Tighten: no images at all.
 * const schema = {...defaultSchema, tagNames: defaultSchema.tagNames!.filter((name) => name !== 'img')}
 * parsePost('---\ntitle: A\n---\n<p>a <img src="b.png" alt="b"></p>', {schema}).messages[0].ruleId
 * //=> 'sanitized-element'
 */
export const defaultSchema: Schema = {
  ...githubSchema,
  allowComments: true,
  allowDoctypes: false,
  // Ids are kept as written (links to them keep working); clobbering values are dropped instead.
  clobber: [],
  clobberPrefix: '',
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'applet',
    'frame',
    'frameset',
    'noembed',
    'noframes',
    'svg',
    'math',
    // Form controls that hold text (`button`, `select` and its `option`s, `textarea`, `label`) are not
    // here: like any element not allowed, they are unwrapped and their text kept
    // (`<form><button>Search</button>` keeps "Search"); only their tags and attributes go.
    // `input` has no content, only attributes, which go with it.
    'title',
    'head',
    'meta',
    'link',
    'base',
    'xmp',
    'plaintext',
    'input'
  ],
  protocols: {
    ...githubSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    poster: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https']
  },
  tagNames: [
    ...(githubSchema.tagNames ?? []).filter((name) => name !== 'input'),
    'abbr',
    // Obsolete (HTML 4's abbreviation), an ordinary HTMLElement in browsers: as inert as `abbr`.
    'acronym',
    'address',
    'article',
    'aside',
    'audio',
    'big',
    'caption',
    'center',
    'cite',
    'col',
    'colgroup',
    'dfn',
    'figcaption',
    'figure',
    'font',
    'footer',
    'header',
    'hgroup',
    'iframe',
    'main',
    'mark',
    'nav',
    // Word's empty-paragraph marker (`<o:p></o:p>`): a name with a colon is never an HTML element nor a
    // valid custom element name, so a browser makes it an HTMLUnknownElement, forever inert.
    'o:p',
    'small',
    'time',
    'track',
    'u',
    'video',
    'wbr'
  ],
  attributes: {
    ...githubAttributes,
    '*': [
      ...(githubAttributes['*'] ?? []), 'className', 'style', 'data*', 'role', 'bgColor', 'translate', ['contentEditable', 'false'],
      // Attributes no browser reads (SECURITY.md, "Inert markup, kept"): Blogger's `imageanchor`, AMP's
      // `layout` (read only on `amp-*` elements, which are not allowed), `face` outside `<font>`, and
      // Wicket's server-side `wicket:id`.
      'imageanchor', 'layout', 'face', 'wicket:id',
      // AMP's `on` only as a bare tap target (SECURITY.md): no method, no arguments, not the `AMP` global.
      ['on', ampTapTarget]
    ],
    a: extend('a', ['rel', 'target', 'type', 'referrerPolicy']),
    img: extend('img', ['srcSet', 'sizes', 'loading', 'decoding']),
    iframe: ['src', 'allow', 'allowFullScreen', 'frameBorder', 'loading', 'referrerPolicy', 'sandbox', 'scrolling'],
    // Media (see SECURITY.md, "Media"): never `autoplay` (not listed), `preload` no more than metadata,
    // and media itself only over https or from the page's own site; `poster` is an image, as `img`.
    video: [['src', mediaUrl], 'poster', 'controls', ['preload', ...mediaPreload], 'loop', 'muted', 'playsInline'],
    audio: [['src', mediaUrl], 'controls', ['preload', ...mediaPreload], 'loop', 'muted'],
    // `srcset` and `sizes` serve `<picture>`, whose sources are images.
    source: [['src', mediaUrl], 'srcSet', 'type', 'sizes'],
    track: [['src', mediaUrl], 'kind', 'srcLang'],
    ol: extend('ol', ['reversed', 'type']),
    ul: extend('ul', ['type']),
    li: extend('li', []),
    code: extend('code', []),
    h2: extend('h2', []),
    section: extend('section', []),
    // `<font>`'s presentational attributes: a typeface, a colour, a size (1–7), nothing that loads or moves.
    font: ['face', 'color', 'size'],
    time: ['dateTime']
  },
  required: {}
}

/** Hosts whose iframes are kept by default (video players seen in real posts). */
export const defaultEmbedHosts: readonly string[] = [
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'play-tv.kakao.com',
  'tv.kakao.com',
  'tv.naver.com',
  'serviceapi.nmv.naver.com',
  'serviceapi.rmcnmv.naver.com'
]

/** The sandbox given to an embed that has none: the player may run, but only in its own origin. */
export const embedSandbox = 'allow-scripts allow-same-origin allow-presentation allow-popups'

// One merged schema per user schema, so parse and render see the same object (what parsePost checked is known to the renderer).
const merged = new WeakMap<Schema, Schema>()

/**
 * A user's schema over `defaultSchema`, one top-level key at a time, as
 * hast-util-sanitize reads a schema over its own default.
 *
 * @param schema - The user's schema, if any.
 * @returns `defaultSchema` when none is given.
 * @example
 * schemaWithDefaults({allowComments: false}).tagNames === defaultSchema.tagNames
 * //=> true
 */
export function schemaWithDefaults(schema: Schema | null | undefined): Schema {
  if (!schema) return defaultSchema
  let result = merged.get(schema)
  if (!result) merged.set(schema, (result = {...defaultSchema, ...schema}))
  return result
}
