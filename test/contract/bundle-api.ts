/**
 * The Apps Script members the add-in's bundle uses, read from its sources with the TypeScript checker:
 * every property access, from src/gas/main.ts (the bundle's entry) and all it imports, whose symbol is
 * declared by Google's own types (@types/google-apps-script). A call is "Class.method"; a property read
 * (an enum value, an event field) is listed as such.
 */
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export interface ApiUse {
  /** "Range.getValues", "SheetsOnEdit.value". */
  member: string;
  call: boolean;
  /** Where it is used first, "src/gas/edit.ts:42". */
  at: string;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

export function bundleApi(entry = join(ROOT, "src/gas/main.ts")): ApiUse[] {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([entry], parsed.options);
  const checker = program.getTypeChecker();
  const found = new Map<string, ApiUse>();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(join(ROOT, "src"))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const decl = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
        if (decl?.getSourceFile().fileName.includes(`${"node_modules"}/@types/google-apps-script`)) {
          const owner = (decl.parent as { name?: ts.Identifier }).name?.text ?? "?";
          const member = `${owner}.${node.name.text}`;
          const call = ts.isCallExpression(node.parent) && node.parent.expression === node;
          const key = `${member}${call ? "()" : ""}`;
          if (!found.has(key)) {
            const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
            found.set(key, { member, call, at: `${relative(ROOT, file.fileName)}:${line}` });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return [...found.values()].sort((a, b) => a.member.localeCompare(b.member));
}
