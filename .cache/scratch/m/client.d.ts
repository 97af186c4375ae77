declare module '*?article' {
  const article: import('../../../src/types.js').Article
  export default article
  export const html: string
}
