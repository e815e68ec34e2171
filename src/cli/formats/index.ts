import type { Format } from '../args.js';
import type { Formatter } from './common.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATTERS: Record<Format, Formatter> = { stylish, json, sarif, junit, github };
