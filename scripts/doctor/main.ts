/**
 * `npm run doctor -- --register SPREADSHEET_ID`: see scripts/doctor/cli.ts and the README section
 * "Checking a live domain: npm run doctor".
 */
import { cli } from "./cli.js";

cli(
  process.argv.slice(2),
  (s) => console.log(s),
  (s) => console.error(s),
).then((code) => {
  process.exitCode = code;
});
