// @ts-check
import {defineConfig} from 'astro/config'

// A plain static site: the posts come from `src/content.config.mjs`.
export default defineConfig({})
