// `node tests/perf/js-size.mjs [route ids…]` after `remix build`: the JavaScript a page loads (the
// manifest's entry + root + route modules and their imports, plus the manifest), raw and gzipped.
// Default routes: the home/result page and the activity page.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dir = "public/build";
const manifestFile = readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
const manifestSource = readFileSync(`${dir}/${manifestFile}`, "utf8");
const manifest = JSON.parse(manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""));
const file = (url) => readFileSync(`public${url}`);
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ["routes/_index", "routes/activiteiten.$id"];

for (const id of routes) {
  const modules = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const r of ["root", id]) {
    const route = manifest.routes[r];
    if (!route) throw new Error(`no route ${r}`);
    modules.add(route.module);
    for (const i of route.imports ?? []) modules.add(i);
  }
  let raw = manifestSource.length;
  let gz = gzipSync(manifestSource).length;
  for (const m of modules) {
    const body = file(m);
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  console.log(`${id}: ${modules.size + 1} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped`);
}
