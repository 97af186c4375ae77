import {parsePost} from '../../src/index.ts'
console.log(parsePost('---\ntitle: A\nexcerpt: Something else entirely\n---\n<p>Body text here.</p>').messages)
