import {build} from 'vite'
const t = Date.now()
process.on('exit', () => console.log('exit after', Date.now() - t))
await build({root: '/work/main/examples/vite', logLevel: 'silent', build: {outDir: '/tmp/vite-out4', emptyOutDir: true}})
console.log('done', Date.now() - t)
