/**
 * A small static site, built the unified way: Markdown pages through
 * remark-parse → remark-rehype, raw posts (front matter + HTML body) through
 * article-kit's `articleParse`, both on through rehype-slug →
 * rehype-autolink-headings → rehype-stringify, into one output folder with
 * an index page listing the posts from `file.data.article`. Messages are
 * reported with vfile-reporter (`path:line:column`); a post with a fatal
 * message fails the build.
 *
 *   npm run build && npx tsx examples/site/build.ts [output folder]
 *
 * The output folder defaults to `examples/site/dist/`.
 */
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Element, ElementContent, Root} from 'hast'
import {toText} from 'hast-util-to-text'
import {h} from 'hastscript'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {articleParse} from 'article-kit/unified'

const here = fileURLToPath(new URL('.', import.meta.url))
const output = process.argv[2] ?? join(here, 'dist')

declare module 'vfile' {
  interface DataMap {
    /** The page's title, set by `layout`. */
    title: string
  }
}

/**
 * Wrap a page body in the site's document. The title is the post's front
 * matter title (`file.data.article`), or the Markdown page's first `<h1>`.
 */
const layout: Plugin<[], Root> = function () {
  return (tree, file) => {
    const article = file.data.article
    const heading = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'h1')
    const title = article?.meta.title ?? (heading ? toText(heading) : file.stem ?? 'Untitled')
    file.data.title = title
    const home = article ? '../index.html' : 'index.html'
    const body: ElementContent[] = article ? [h('h1', title), ...(tree.children as ElementContent[])] : (tree.children as ElementContent[])
    tree.children = document(title, [h('nav', [h('a', {href: home}, 'Home')]), h('main', body)]).children
  }
}

function document(title: string, body: ElementContent[]): Root {
  return {
    type: 'root',
    children: [{type: 'doctype'}, h('html', {lang: 'en'}, [h('head', [h('meta', {charset: 'utf-8'}), h('title', title)]), h('body', body)])]
  }
}

// The same rehype chain after either parser; the layout comes first, so its titles get ids and links too.
const pages = unified().use(remarkParse).use(remarkRehype).use(layout).use(rehypeSlug).use(rehypeAutolinkHeadings, {behavior: 'append', content: {type: 'text', value: '#'}}).use(rehypeStringify)
const posts = unified().use(articleParse).use(layout).use(rehypeSlug).use(rehypeAutolinkHeadings, {behavior: 'append', content: {type: 'text', value: '#'}}).use(rehypeStringify)

const files: VFile[] = []
const listedPages: Array<{href: string; title: string}> = []
const listed: Array<{href: string; title: string; date: string | null; excerpt: string | null; minutes: number}> = []

mkdirSync(join(output, 'posts'), {recursive: true})

for (const name of sourcesIn('pages', /\.md$/)) {
  const file = await pages.process(read('pages', name))
  write(`${file.stem}.html`, file)
  files.push(file)
  listedPages.push({href: `${file.stem}.html`, title: file.data.title!})
}

for (const name of sourcesIn('posts', /\.(html|md|txt)$/)) {
  const file = await posts.process(read('posts', name))
  files.push(file)
  const article = file.data.article
  if (!article || file.messages.some((message) => message.fatal === true)) continue
  write(`posts/${file.stem}.html`, file)
  listed.push({href: `posts/${file.stem}.html`, title: article.meta.title ?? file.stem!, date: article.meta.dateIso, excerpt: article.meta.excerpt, minutes: article.stats.readingMinutes})
}

// Newest first; posts without a date last.
listed.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
const index = document('Posts', [
  h('main', [
    h('h1', 'Posts'),
    h(
      'ul',
      listed.map((post) => h('li', [h('a', {href: post.href}, post.title), post.date ? [' ', h('time', {dateTime: post.date}, post.date.slice(0, 10))] : [], post.excerpt ? h('p', post.excerpt) : [], h('small', `${post.minutes} min read`)]))
    ),
    h('h2', 'Pages'),
    h(
      'ul',
      listedPages.map((page) => h('li', [h('a', {href: page.href}, page.title)]))
    )
  ])
])
writeFileSync(join(output, 'index.html'), unified().use(rehypeStringify).stringify(index) + '\n')

const report = reporter(files, {quiet: true})
if (report) console.error(report)
const failed = files.filter((file) => file.messages.some((message) => message.fatal === true))
console.log(`${files.length - failed.length} of ${files.length} pages written to ${output}${failed.length ? `; failed: ${failed.map((file) => file.path).join(', ')}` : ''}`)
process.exitCode = failed.length > 0 ? 1 : 0

function sourcesIn(folder: string, pattern: RegExp): string[] {
  return readdirSync(join(here, folder))
    .filter((name) => pattern.test(name))
    .sort()
}

function read(folder: string, name: string): VFile {
  return new VFile({path: join(folder, name), cwd: here, value: readFileSync(join(here, folder, name), 'utf8')})
}

function write(path: string, file: VFile): void {
  writeFileSync(join(output, path), String(file) + '\n')
}
