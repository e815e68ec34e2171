// The plan schema for yaml-language-server (the Red Hat YAML extension), which our `yamlValidation`
// contribution associates with *.plan.yaml: every key, description, default and allowed value kept
// for completion and hover, every constraint dropped, so that it never reports a problem planlint
// already reports (planlint's `schema` rule validates against the full schemas/plan.schema.json).

/** Kept as they are: words for completion and hover. */
const ANNOTATIONS = ['$schema', '$comment', 'title', 'description', 'markdownDescription', 'default', 'examples', 'defaultSnippets', 'doNotSuggest'];
/** Keywords whose value is a map from a name to a subschema. */
const MAPS = ['properties', 'definitions', '$defs'];

/**
 * A schema that accepts any value yet offers the same keys and values: `enum` and `const` become
 * `examples` (still offered as values), `oneOf` becomes `anyOf` (constraint-free branches would all
 * match, which `oneOf` reports), and types, required keys and bounds are gone.
 * @param {unknown} node a JSON Schema
 * @returns {unknown}
 */
export function completionSchema(node) {
  if (Array.isArray(node)) return node.map(completionSchema);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.includes(key) || key === '$ref') out[key] = value;
    else if (MAPS.includes(key)) out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, completionSchema(s)]));
    else if (key === 'items' || key === 'allOf' || key === 'anyOf') out[key] = completionSchema(value);
    else if (key === 'oneOf') out.anyOf = [...(out.anyOf ?? []), ...completionSchema(value)];
    else if (key === 'enum') out.examples = [...(out.examples ?? []), ...value];
    else if (key === 'const') out.examples = [...(out.examples ?? []), value];
  }
  return out;
}
