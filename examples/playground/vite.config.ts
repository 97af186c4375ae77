/**
 * Vite config of the playground: bundles the library from `src/` for the
 * browser. The build fails when anything imports a Node built-in, since
 * `src/` promises to run in browsers as is.
 */
import {builtinModules} from 'node:module'
import {fileURLToPath} from 'node:url'
import {defineConfig, type Plugin} from 'vite'

const repository = fileURLToPath(new URL('../..', import.meta.url))
const builtins = new Set(builtinModules)

/** Fail on `node:*` and bare built-in names (`fs`, `path/posix`, …), which Vite would otherwise stub with a warning. */
function noNodeBuiltins(): Plugin {
  return {
    name: 'article-kit:no-node-builtins',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith('node:') || builtins.has(source)) {
        this.error(`\`${source}\` is a Node built-in, imported by ${importer ?? 'an entry'}: the library must run in browsers`)
      }
      return null
    }
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the built page works from any folder.
  base: './',
  plugins: [noNodeBuiltins()],
  server: {fs: {allow: [repository]}},
  build: {target: 'es2022', emptyOutDir: true}
})
