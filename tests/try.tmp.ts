import { BrowserSession } from "/work/wt/forgery/src/cli/browser/browser-session";
import { toRequest } from "/work/wt/forgery/src/cli/runtimes";
import { exerciseAt, learnerFiles } from "/work/wt/forgery/tests/helpers/exercises";
const session = await BrowserSession.open();
const answer = await exerciseAt("tests/fixtures/packs/forgery/answer");
for (const name of process.argv.slice(2)) {
  const files = name === "starter" ? answer.starter : name === "solution" ? answer.solution : await learnerFiles(`tests/fixtures/forgery/${name}`);
  const r = await session.run(toRequest(answer, files));
  console.log(name, JSON.stringify(r, null, 1).slice(0, 1500));
}
await session.close();
