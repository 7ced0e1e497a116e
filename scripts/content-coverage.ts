// `npm run content:coverage`: writes docs/seed-coverage.md, the table from
// each seed section to the items and questions that teach it.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { formatProblem, loadContent } from "../lib/content/load-content";
import { isUncovered, renderSeedCoverage, SEED_COVERAGE_FILE, seedCoverage } from "../lib/content/seed-coverage";

const content = await loadContent();
for (const error of content.errors) console.error(`✗ ${formatProblem(error)}`);
if (content.errors.length > 0) console.error(`(${content.errors.length} content error(s): the table leaves out what could not be loaded)`);
await writeFile(path.join(process.cwd(), SEED_COVERAGE_FILE), renderSeedCoverage(content));
const uncovered = seedCoverage(content).filter(isUncovered);
console.log(`wrote ${SEED_COVERAGE_FILE}: ${uncovered.length} teaching section(s) with nothing`);
for (const row of uncovered) console.log(`  ⚠ seed ${row.seed} §${row.section} ${row.title}`);
