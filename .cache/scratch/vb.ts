import {build} from 'vite'
const warnings: string[] = []
const out = await build({root: '/work/main/examples/vite', logLevel: 'silent', build: {outDir: '/tmp/vite-out', emptyOutDir: true, rolldownOptions: {onwarn(w) { warnings.push(w.message) }}}})
console.log(JSON.stringify(out).slice(0, 200))
console.log(warnings)
