import {defineConfig} from 'vite'
// In your project: `import article from 'article-kit/vite'`.
import article from '../../src/vite/index.ts'

export default defineConfig({
  plugins: [article()]
})
