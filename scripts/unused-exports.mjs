// Lists exports of src/ that no other file imports. A value (function, constant, class) used only in
// its own file should not be exported; a type may stay exported when its file's exports name it (a
// reader of the signature can name it too), but one used nowhere is dead code. Run by `npm run lint`;
// exits 1 when it finds any.
// Uses the TypeScript compiler over tsconfig.json (src, tests, bench), so tests count as users.
//   node scripts/unused-exports.mjs
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** Files whose exports are used from outside the program: entry points and what VS Code calls. */
const ENTRIES = new Set(['src/cli/cli.ts', 'src/server/server.ts', 'src/server/worker.ts', 'src/client/extension.ts']);
/** Exports used by files outside the program (scripts/*.mjs bundle them), as `file#name`. */
const EXTERNAL = new Set(['src/engine/check.ts#checkText']);

/**
 * Found when the check was added, in files other engineers were rewriting at the time (the CLI, the
 * language features, the server, the rules). Each line goes when its export does; the check says
 * when a line here no longer matches anything, so the list only shrinks.
 */
const KNOWN = new Set([
  'src/engine/checks/unit-index.ts#abbreviates',
  'src/cli/args.ts#FORMATS',
  'src/cli/texts.ts#Texts',
  'src/language/completion.ts#schemaAt',
  'src/language/hover.ts#indicatorHover',
  'src/server/worker-client.ts#LIMITS',
]);

const configPath = path.join(root, 'tsconfig.json');
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const checker = program.getTypeChecker();
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

/** The declaration a symbol finally stands for, through imports and re-exports. */
function original(symbol) {
  let s = symbol;
  while (s && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
  return s;
}

// Every symbol another file reaches through an import, a re-export or a namespace import.
const used = new Set();
for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || rel(sf.fileName).startsWith('node_modules')) continue;
  const useModule = (specifier) => {
    const mod = checker.getSymbolAtLocation(specifier);
    if (mod) for (const e of checker.getExportsOfModule(mod)) used.add(original(e));
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && node.importClause) {
      const { name, namedBindings } = node.importClause;
      if (name) used.add(original(checker.getSymbolAtLocation(name)));
      if (namedBindings && ts.isNamespaceImport(namedBindings)) useModule(node.moduleSpecifier);
      else if (namedBindings) for (const el of namedBindings.elements) used.add(original(checker.getSymbolAtLocation(el.name)));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) useModule(node.moduleSpecifier);
      else for (const el of node.exportClause.elements) used.add(original(checker.getSymbolAtLocation(el.propertyName ?? el.name)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      useModule(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && node.qualifier) {
      used.add(original(checker.getSymbolAtLocation(node.qualifier)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** Whether `symbol` is named in `sf` other than where it is declared. */
function usedIn(sf, symbol) {
  let found = false;
  const visit = (node) => {
    if (found) return;
    if (ts.isIdentifier(node) && !symbol.declarations.some((d) => d.name === node) && original(checker.getSymbolAtLocation(node)) === symbol) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const unused = [];
for (const sf of program.getSourceFiles()) {
  const file = rel(sf.fileName);
  if (!file.startsWith('src/') || ENTRIES.has(file)) continue;
  const mod = checker.getSymbolAtLocation(sf);
  if (!mod) continue;
  for (const e of checker.getExportsOfModule(mod)) {
    const target = original(e);
    // Re-exports are judged where they are declared.
    const decl = target?.declarations?.[0];
    if (!decl || rel(decl.getSourceFile().fileName) !== file) continue;
    if (used.has(target) || EXTERNAL.has(`${file}#${e.name}`)) continue;
    const value = target.flags & ts.SymbolFlags.Value;
    if (!value && usedIn(sf, target)) continue;
    if (KNOWN.delete(`${file}#${e.name}`)) continue;
    const { line } = sf.getLineAndCharacterOfPosition(decl.getStart());
    unused.push(`${file}:${line + 1}  ${e.name}`);
  }
}

if (unused.length > 0) console.error(`Exported but imported by no other file (unexport it, or delete it if nothing uses it):\n  ${unused.join('\n  ')}`);
if (KNOWN.size > 0) console.error(`Listed in KNOWN (scripts/unused-exports.mjs) but no longer unused: remove the line.\n  ${[...KNOWN].join('\n  ')}`);
if (unused.length > 0 || KNOWN.size > 0) process.exit(1);
