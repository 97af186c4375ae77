import {createServer} from 'vite'
import {writeFile, readFile} from 'node:fs/promises'
import {article} from '../../src/vite/index.ts'
const server = await createServer({root: '/tmp/vt2', configFile: false, logLevel: 'info', plugins: [article()], server: {port: 0, hmr: false}})
await server.listen()
const r1 = await server.transformRequest('/posts/first.html?article')
console.log(r1?.code.slice(0, 120))
const r3 = await server.transformRequest('/posts/third.txt?article')
console.log(r3?.code.slice(0, 80))
const file = '/tmp/vt2/posts/first.html'
const mods = server.environments.client.moduleGraph.getModulesByFile(file)
console.log([...mods ?? []].map(m => m.id))
console.log('watched', Object.keys(server.watcher.getWatched()).includes('/tmp/vt2/posts'))
const changed = new Promise(resolve => server.watcher.once('change', resolve))
await writeFile(file, (await readFile(file, 'utf8')).replace('First light', 'Second light'))
console.log('event', await changed)
await new Promise(r => setTimeout(r, 50))
console.log([...mods ?? []].map(m => [m.transformResult, m.lastHMRTimestamp]))
const r2 = await server.transformRequest('/posts/first.html?article')
console.log(r2?.code.slice(0, 120))
const main = await server.transformRequest('/main.ts')
console.log(main?.code.slice(0, 400))
await server.close()
