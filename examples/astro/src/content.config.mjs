// @ts-check
import {defineCollection} from 'astro:content'
// In your project: `import {articleLoader} from 'article-kit/astro'`, after
// `npm install article-kit astro`. This example depends on `file:../..`.
import {articleLoader} from 'article-kit/astro'

export const collections = {
  // Every `.html`, `.md` and `.txt` post in `./posts`: the id is the file name.
  posts: defineCollection({loader: articleLoader({base: './posts'})})
}
