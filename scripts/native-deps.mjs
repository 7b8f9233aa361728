// Loaded by `npm run generate` with `node --import`, ahead of the TypeScript loader (`--import
// tsx`): the generator's large dependencies then load natively. Through the loader's hooks, which
// Node 20 runs on a thread of their own, prettier took 0.6 s to load instead of 0.06 s and ts-morph
// 0.9 s instead of 0.6 s. The generator's own imports find these modules already loaded.
await Promise.all([import("prettier"), import("ts-morph"), import("json-schema-to-typescript")]);
