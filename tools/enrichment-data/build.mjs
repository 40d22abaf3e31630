// Builds the enricher's embedded resources from published npm packages.
// Run: npm ci && node build.mjs   (writes services/NewsIngest.Enricher/Data/*.tsv.gz)
// Each output is a gzip'd UTF-8 text file, one record per line, tab-separated, sorted so a rebuild
// from the same package versions produces the same bytes.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '../../services/NewsIngest.Enricher/Data');
mkdirSync(outDir, { recursive: true });

// The languages the enricher detects; resources are only built for these.
export const languages = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'hu',
  'ro', 'ru', 'uk', 'el', 'tr', 'ar', 'fa', 'ur', 'he', 'hi', 'zh', 'ja', 'ko', 'id', 'vi', 'ca'];

function write(name, lines) {
  const text = lines.join('\n') + '\n';
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  // Zero the gzip header's mtime so the bytes only depend on the content.
  gz.writeUInt32LE(0, 4);
  writeFileSync(join(outDir, name), gz);
  console.log(`${name}: ${lines.length} lines, ${gz.length} bytes`);
}

const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ').trim();

// --- stop words: one line per language, "code<TAB>word word ..." ---------------------------------
function buildStopWords() {
  const iso = require('stopwords-iso');
  const lines = [];
  for (const lang of languages) {
    const words = [...new Set((iso[lang] ?? []).map((w) => clean(w).toLowerCase()).filter((w) => w && !w.includes(' ')))].sort();
    if (words.length) lines.push(`${lang}\t${words.join(' ')}`);
  }
  write('stopwords.tsv.gz', lines);
}

const only = process.argv.slice(2);
const builders = { stopwords: buildStopWords };
for (const [name, build] of Object.entries(builders)) {
  if (only.length === 0 || only.includes(name)) build();
}
