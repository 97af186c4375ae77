import {build} from 'vite'
await build({root: '/tmp/vt2', configFile: false, logLevel: 'silent', build: {outDir: '/tmp/vite-out5', emptyOutDir: true}}).catch(() => {})
console.log('done at', Math.round(performance.now()))
