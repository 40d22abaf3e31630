// Times Mozilla Readability on jsdom over the dev pages: one process, pages/s after a warm-up pass.
// Usage: node bench.mjs <aeb-dev folder> [rounds]
// Prints one line: readability pages=N seconds=S pagesPerSecond=R cpuPagesPerSecond=C (C: per second of the process's CPU time)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const [devDir, roundsArg] = process.argv.slice(2);
if (!devDir) {
  console.error("usage: node bench.mjs <aeb-dev folder> [rounds]");
  process.exit(2);
}

const truth = JSON.parse(readFileSync(join(devDir, "ground-truth.json"), "utf8"));
const pages = Object.keys(truth).sort().map((id) => ({
  url: truth[id].url,
  html: readFileSync(join(devDir, "pages", `${id}.html`), "utf8"),
}));
const quiet = new VirtualConsole();

function extractAll() {
  let chars = 0;
  for (const page of pages) {
    const dom = new JSDOM(page.html, { url: page.url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    chars += article?.textContent?.length ?? 0;
    dom.window.close();
  }
  return chars;
}

extractAll();
const rounds = Number(roundsArg ?? 1);
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) extractAll();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const count = pages.length * rounds;
console.log(`readability pages=${count} seconds=${seconds.toFixed(3)} pagesPerSecond=${(count / seconds).toFixed(2)} cpuPagesPerSecond=${(count / cpuSeconds).toFixed(2)}`);
