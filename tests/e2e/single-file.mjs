// The one-file build, `cargo xtask single-file` (and `cargo xtask test`) write it here.
import { access } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const path = fileURLToPath(new URL('../../target/single-file/ops-trio.html', import.meta.url));

/** The single file's file:// URL; throws, saying how to build it, when it is missing. */
export async function singleFileUrl() {
  await access(path).catch(() => {
    throw new Error(`${path} is missing: run \`cargo xtask single-file\` first`);
  });
  return pathToFileURL(path).href;
}
