/// <reference path="../../src/vite/client.d.ts" />
// In your project: `/// <reference types="article-kit/vite/client" />`.
import first, {html as firstHtml} from './posts/first.html?article'
import secondHtml from './posts/second.md?article&html'

const main = document.querySelector('#posts')!

for (const [title, html] of [
  [first.meta.title ?? 'Untitled', firstHtml],
  ['Second post', secondHtml]
] as const) {
  const article = document.createElement('article')
  const heading = document.createElement('h1')
  heading.textContent = title
  const body = document.createElement('div')
  // `html` was sanitised by article-kit at build time.
  body.innerHTML = html
  article.append(heading, body)
  main.append(article)
}

console.log(`${first.sections.length} sections, ${first.stats.words} words`)
