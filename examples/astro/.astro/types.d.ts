/// <reference types="astro/client" />
/// <reference path="loaders/posts.ts" />
/// <reference path="content.d.ts" />