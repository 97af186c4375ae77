import {build} from 'vite'
import {article} from '../../src/vite/index.ts'
const t = Date.now()
process.on('exit', () => console.log('exit after', Date.now() - t))
try { await build({root: process.argv[2], configFile: false, logLevel: 'silent', plugins: [article()], build: {outDir: '/tmp/vite-out3', emptyOutDir: true}}) } catch (e) { console.log('failed', Date.now() - t) }
console.log('done', Date.now() - t)
