import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {limitNesting} from '../../src/body/limit-nesting.ts'

/** The tags blanked out (as `_`), and where nesting was first cut. */
function limit(html: string, depth: number): [string, number[]] {
  const result = limitNesting(html, depth)
  assert.equal(result.html.length, html.length, 'offsets stay')
  let shown = ''
  for (let index = 0; index < html.length; index++) shown += result.html[index] === html[index] ? html[index] : '_'
  if (result.cut.length === 0) assert.equal(result.html, html)
  return [shown, result.cut]
}

describe('limitNesting', () => {
  it('should give the same string back when nothing is too deep', () => {
    for (const [html, depth] of [['abc', 1], ['<div><div>a</div></div>', 2], ['<div></div><div></div><div></div>', 1], ['<p>a<p>b<p>c', 1], ['<div><br><br><img src=x>', 1], ['<div><b title="x', 1], ['a < b <3', 0]] as const) {
      const result = limitNesting(html, depth)
      assert.equal(result.html, html, html)
      assert.deepEqual(result.cut, [], html)
    }
  })

  it('should blank start tags deeper than the limit, and say where the first was', () => {
    assert.deepEqual(limit('<div><div><div>a</div></div></div>', 2), ['<div><div>_____a</div></div></div>', [10]])
    assert.deepEqual(limit('<div><div><span>a</span><span>b</span></div></div>', 2), ['<div><div>______a</span>______b</span></div></div>', [10]])
    assert.deepEqual(limit('<div><b class="a>b">x', 1), ['<div>__ ____________x', [5]])
  })

  it('should close the nearest open element of an end tag’s name, in any case', () => {
    assert.deepEqual(limit('<DIV><div>x</DIV><div>', 1), ['<DIV>_____x</DIV><div>', [5]])
    assert.deepEqual(limit('<div>a</span><b>x', 1), ['<div>a</span>___x', [13]])
    assert.deepEqual(limit('<div></b></b><i>', 1), ['<div></b></b>___', [13]])
  })

  it('should look for the open element only 64 elements down', () => {
    // 63 elements above the `<div>`: its end tag is found, and closes them all.
    assert.deepEqual(limit('<div>' + '<b>'.repeat(63) + '</div><i>', 64)[1], [])
    // 64 above it: not found, so the `<i>` is still 65 deep.
    assert.deepEqual(limit('<div>' + '<b>'.repeat(64) + '</div><i>', 65)[1], [203])
    assert.deepEqual(limit('<div>' + '<b>'.repeat(70) + '</div>' + '<i>'.repeat(30), 100)[1], [308])
  })

  it('should let a `<p>`, `<li>` or cell close the one before it', () => {
    assert.deepEqual(limit('<li>a<li>b<li><b>c', 1), ['<li>a<li>b<li>___c', [14]])
    assert.deepEqual(limit('<td>a<td>b<td><i>c', 1), ['<td>a<td>b<td>___c', [14]])
    assert.deepEqual(limit('<div><p>a<p>b', 2), ['<div><p>a<p>b', []])
  })

  it('should skip the content of raw-text elements', () => {
    assert.deepEqual(limit('<div><script><div><div></script><b>x</b>', 1), ['<div><script><div><div></script>___x</b>', [32]])
    assert.deepEqual(limit('<div><textarea><p></textarea ><i>', 1), ['<div><textarea><p></textarea >___', [30]])
    assert.deepEqual(limit('<div><script><div><div>', 1), ['<div><script><div><div>', []])
    assert.deepEqual(limit('<div><STYLE><i></style><i>', 1), ['<div><STYLE><i></style>___', [23]])
    assert.deepEqual(limit('<div><style><i></STYLE><i>', 1), ['<div><style><i></STYLE>___', [23]])
    // The end tag is looked for after the start tag, not before it.
    assert.deepEqual(limit('</script><div><script>x</script><b>', 1), ['</script><div><script>x</script>___', [32]])
  })

  it('should not count void elements', () => {
    assert.deepEqual(limit('<div><br><hr><wbr><b>x', 1), ['<div><br><hr><wbr>___x', [18]])
  })

  it('should stop at a tag that does not end', () => {
    assert.deepEqual(limit('<div><i>a<b title="x', 2), ['<div><i>a<b title="x', []])
  })

  it('should look closer only where start tags outnumber end tags by a quarter of the limit', () => {
    // 3 start tags, no end tag: more than 8 / 4 = 2, so it looks, and finds nothing deeper than 8.
    assert.deepEqual(limit('<a><b><c>', 8), ['<a><b><c>', []])
    // With a limit of 1 an end tag in between does not hide the depth.
    assert.deepEqual(limit('<a></x><b><c>', 1), ['<a></x>______', [7]])
  })
})
