import { readFileSync, writeFileSync } from "node:fs";

/**
 * The end every benchmark shares: run it, keep its figures as
 * bench/results/<name>.json and a report as <name>.md, and exit. With
 * `--report` only the report is rewritten from the kept figures (to change
 * the wording without measuring again).
 */
export function benchMain<R>(name: string, measure: () => Promise<R>, markdown: (results: R) => string): void {
  const jsonFile = `bench/results/${name}.json`;
  const mdFile = `bench/results/${name}.md`;
  if (process.argv.includes("--report")) {
    writeFileSync(mdFile, markdown(JSON.parse(readFileSync(jsonFile, "utf8")) as R));
    return;
  }
  measure().then(
    (results) => {
      writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(mdFile, markdown(results));
      console.log(markdown(results));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
