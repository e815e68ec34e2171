import { FAILSAFE_SCHEMA, Type } from 'js-yaml';
import { DIGIT_0, DIGIT_9, DOT, MINUS, PLUS } from '../scan.js';

// The YAML 1.2 core schema exactly as the `yaml` package resolves it (js-yaml's own core schema
// also reads `1_000` and `+.5e3`-style forms differently). The patterns are module constants, as
// in model.ts: these run once per scalar.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FRACTION = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The js-yaml schema the fast reader loads with: scalars resolve to what the `yaml` package makes of them. */
export const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (s: string) => s.length <= 4 && NULL.test(s),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (s: string) => (s.length === 4 || s.length === 5) && BOOL.test(s),
      construct: (s: string) => s[0] === 't' || s[0] === 'T',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (s: string) => numeric(s) && INT.test(s),
      construct: (s: string) => (s[1] === 'o' ? parseInt(s.slice(2), 8) : s[1] === 'x' ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (s: string) => numeric(s) && (INFINITY.test(s) || NAN.test(s) || EXPONENT.test(s) || FRACTION.test(s)),
      construct: (s: string) => {
        if (INFINITY.test(s)) return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        if (NAN.test(s)) return NaN;
        return parseFloat(s);
      },
    }),
  ],
});

/**
 * Whether a plain scalar could be a number: it starts with a digit, a sign or a dot. Most of a
 * plan's scalars are Chinese text, and this spares them the regular expressions.
 */
function numeric(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= DIGIT_0 && c <= DIGIT_9) || c === PLUS || c === MINUS || c === DOT;
}
