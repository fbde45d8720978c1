import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Build only: replaces each `graphql(`…`)` call with the document codegen generated for it, so
 * that every page's chunk carries its own documents. Without it, `graphql()` looks documents up in
 * the client preset's map of every document the app has (src/gql/gql.ts), which every user then
 * downloads at first load — about a quarter of it. (The preset's Babel plugin does the same job;
 * @vitejs/plugin-react 6 no longer runs Babel.) The tests and the dev server keep the map: same
 * documents, looked up at run time.
 */
export function inlineDocuments(): Plugin {
  const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));
  let documents: Map<string, string>;
  return {
    name: 'maalem-inline-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = generatedDocuments(readFileSync(generated, 'utf8'));
    },
    transform(code, id) {
      if (!/\/src\/(?!gql\/).*\.tsx?$/.test(id) || !code.includes('graphql(')) return null;
      const inlined = code.replace(CALL, (_call, source: string) => {
        const name = documentName(source);
        const document = name && documents.get(name);
        if (!document) this.error(`no generated document for graphql() in ${id} (run the codegen)`);
        return `(${document})`;
      });
      // A call left behind would bring the whole map back.
      if (/\bgraphql\(/.test(inlined)) this.error(`a graphql() call in ${id} is not a plain template`);
      return { code: inlined, map: null };
    },
  };
}

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

/** The generated export holding the document `source` defines: `NameDocument` or `NameFragmentDoc`. */
function documentName(source: string): string | null {
  const found = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/.exec(source);
  if (!found) return null;
  return found[1] === 'fragment' ? `${found[2]}FragmentDoc` : `${found[2]}Document`;
}

/** Each generated document's JSON, by export name (codegen writes one per line). */
function generatedDocuments(text: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const line of text.split('\n')) {
    const found = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode</.exec(line);
    if (found) documents.set(found[1]!, found[2]!);
  }
  return documents;
}
