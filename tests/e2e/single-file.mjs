// The one-file build, `cargo xtask single-file` (and `cargo xtask test`) write it here.
import { access } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The single file's file:// URL (`locale`: another language's, `ops-trio.zh-TW.html`);
 * throws, saying how to build it, when it is missing. */
export async function singleFileUrl(locale = null) {
  const name = locale ? `ops-trio.${locale}.html` : 'ops-trio.html';
  const path = fileURLToPath(new URL(`../../target/single-file/${name}`, import.meta.url));
  await access(path).catch(() => {
    throw new Error(`${path} is missing: run \`cargo xtask single-file\` first`);
  });
  return pathToFileURL(path).href;
}
