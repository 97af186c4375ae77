import {build} from 'vite'
import {article} from '../../dist/vite/index.js'
const t0 = performance.timeOrigin
process.on('exit', () => console.log('exit at', Math.round(performance.now())))
await build({root: '/tmp/vt2', configFile: false, plugins: [article()], logLevel: 'silent', build: {outDir: '/tmp/vite-out5', emptyOutDir: true}})
console.log('done at', Math.round(performance.now()))
