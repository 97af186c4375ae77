import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {article, type Options} from '../../src/vite/index.ts'

// The plugin's transform with a stand-in for Rollup's context: the builds themselves run in vite.test.ts.

interface Call {
  kind: 'warn' | 'error'
  message: string
}

function transform(options: Options, code: string): Call[] {
  const calls: Call[] = []
  const context = {
    addWatchFile() {},
    warn(value: {message: string}) {
      calls.push({kind: 'warn', message: value.message})
    },
    error(value: {message: string}): never {
      calls.push({kind: 'error', message: value.message})
      throw new Error(value.message)
    }
  }
  const plugin = article(options)
  const handler = (plugin.transform as {handler: (this: unknown, code: string, id: string) => unknown}).handler
  try {
    handler.call(context, code, '/posts/a.html?article')
  } catch {
    // The error is recorded.
  }
  return calls
}

describe('article (Vite) options', () => {
  const post = '---\ntitle: A\n---\n<p><img src="a.png"></p>\n'

  it('should warn by default, say nothing with a rule off, and fail with a rule made an error', () => {
    assert.deepEqual(transform({}, post).map((call) => call.kind), ['warn'])
    assert.deepEqual(transform({rules: {'image-alt-missing': 'off'}}, post), [])
    const failed = transform({rules: {'image-alt-missing': 'error'}}, post)
    assert.deepEqual(failed.map((call) => call.kind), ['error'])
    assert.match(failed[0]!.message, /\[image-alt-missing\]/)
  })
})
