/**
 * The names a webhook normaliser is written with: the module's file and exported function, and
 * the locals of each function it emits (which must never hide a reader's parameter or a hook).
 */
import type { Provider } from "../providers.ts";
import { Names } from "../code.ts";
import { HOOKS } from "../inbound-mapping.ts";
import { singular as itemName } from "../translation.ts";

/** The module's file name below src/providers/ and the function it exports. */
export const inboundModuleName = (p: Provider) => `${p.mapping.provider}-webhook`;
export const inboundFunctionName = (p: Provider) => `parse${p.mapping.typeName}Webhook`;

export const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** The names eventOf's parameters and its event take. */
export const RESERVED = new Set(["provider", "raw", "path", "options", "result", "event", "timestamp"]);
/**
 * The local names of one emitted function, `taken` (its parameters) among them: never a reader's
 * parameter, nor a hook's name (a local `sharedPhone` would hide the function); `row`, `row2`, ….
 */
export const locals = (...taken: string[]) => new Names([...RESERVED, ...Object.keys(HOOKS), ...taken], (base, n) => `${base}${n}`);
/** A variable or a chain of property reads: cheap to read twice. */
export const SIMPLE = /^[\w$]+((\?)?\.[\w$]+)*$/;

/** A mapping's comment as line comments in the emitted code. */
export const comment = (text: string | undefined) => (text === undefined ? "" : `// ${text.replace(/\n/g, "\n// ")}\n`);
export const camel = (name: string) => name.replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const singular = (key: string) => itemName(key, "entry");
