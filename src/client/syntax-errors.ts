/** The Red Hat YAML extension: it runs yaml-language-server on every YAML file, plan files included. */
export const YAML_EXTENSION_ID = 'redhat.vscode-yaml';

/**
 * Whether planlint's server publishes a plan file's YAML syntax errors. `auto` leaves them to the Red Hat
 * YAML extension when it is installed and enabled and its `yaml.validate` is not false for the file:
 * yaml-language-server then shows each of them already, and a drafter would see every one twice. Pure,
 * so that the decision is tested without VS Code.
 */
export function syntaxErrorsFor(/** `planlint.syntaxErrors`: auto, always or never. */ setting: unknown, yaml: { extensionEnabled: boolean; validate: unknown }): 'always' | 'never' {
  if (setting === 'always' || setting === 'never') return setting;
  return yaml.extensionEnabled && yaml.validate !== false ? 'never' : 'always';
}
