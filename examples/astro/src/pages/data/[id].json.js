// Each entry's data as JSON, as the collection stores it (the tests compare it with `parsePost`).
import {getCollection} from 'astro:content'

export async function getStaticPaths() {
  const posts = await getCollection('posts')
  return posts.map((post) => ({params: {id: post.id}, props: {post}}))
}

/** @param {{props: {post: {data: unknown}}}} context */
export function GET({props}) {
  return new Response(JSON.stringify(props.post.data))
}
