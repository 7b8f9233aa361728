/**
 * The package as users run it: the compiled files in generated/dist (`npm run bench` builds them
 * first). Running the TypeScript sources through the dev loader instead would measure the loader's
 * transforms as well: it wraps every class to keep its name, which made building a message about
 * ten times slower than the compiled code.
 *
 * The imports go through a specifier the type checker does not follow, so type checks pass on a
 * clean checkout where dist has not been built; the types are those of the sources dist is
 * compiled from.
 */
const dist = "../generated/dist/";

export const wa: typeof import("../generated/src/index.ts") = await import(`${dist}index.js`);
export const verify: typeof import("../generated/src/verify.ts") = await import(`${dist}verify.js`);
