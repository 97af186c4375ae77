import {build} from 'vite'
import {article} from '../../src/vite/index.ts'
await build({root: '/tmp/vt2', configFile: false, plugins: [article()], build: {outDir: '/tmp/vite-out2', emptyOutDir: true}})
